import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';

/**
 * The issues of a list of indicator codes a scope should track: every code must be in the
 * catalogue; a retired code may stay where it is already tracked but cannot be added.
 * Returns [] when all are acceptable.
 */
export function checkIndicatorCodes(
  codes: readonly string[],
  ctx: { known: ReadonlySet<string>; retired: ReadonlySet<string>; tracked: ReadonlySet<string> },
  lang: Lang,
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  codes.forEach((code, i) => {
    if (!ctx.known.has(code))
      issues.push({
        path: ['indicators', i],
        code: 'unknown_indicator',
        message: lang === 'fr' ? `Indicateur inconnu : ${code}.` : `Unknown indicator: ${code}.`,
        indicator: code,
      });
    else if (ctx.retired.has(code) && !ctx.tracked.has(code))
      issues.push({
        path: ['indicators', i],
        code: 'retired_indicator',
        message:
          lang === 'fr'
            ? `${code} a quitté le catalogue : il ne peut plus être ajouté.`
            : `${code} left the catalogue: it can no longer be added.`,
        indicator: code,
      });
  });
  return issues;
}
