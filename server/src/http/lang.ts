import type { Lang } from '@ptce/shared/error-messages';

/** The response language: `?lang=`, else the first of fr/en in Accept-Language, else French. */
export function pickLang(acceptLanguage: string | undefined, query?: string | null): Lang {
  if (query === 'en' || query === 'fr') return query;
  if (!acceptLanguage) return 'fr';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return 'fr';
}
