import type { Translation } from './translation';

/** Texts of the data-quality answers. */
export const qualityFr = {
  'quality.range':
    'La période va d’un trimestre au même ou à un suivant, {max} trimestres au plus.',
} as const;

export const qualityEn: Translation<typeof qualityFr> = {
  'quality.range':
    'The range goes from a quarter to the same or a later one, {max} quarters at most.',
};
