import { adminEn, adminFr } from './admin.messages';
import { entriesEn, entriesFr } from './entries.messages';
import { httpEn, httpFr } from './http.messages';
import { importsEn, importsFr } from './imports.messages';
import { narrativeEn, narrativeFr } from './narrative.messages';
import { qualityEn, qualityFr } from './quality.messages';
import { templateEn, templateFr } from './template.messages';
import type { Translation } from './translation';

/** Every server text in French, keyed by code: the reference catalogue. */
export const MESSAGES_FR = {
  ...entriesFr,
  ...importsFr,
  ...templateFr,
  ...adminFr,
  ...httpFr,
  ...qualityFr,
  ...narrativeFr,
} as const;

/** Every server text in English: the type system checks it has exactly the French keys. */
export const MESSAGES_EN: Translation<typeof MESSAGES_FR> = {
  ...entriesEn,
  ...importsEn,
  ...templateEn,
  ...adminEn,
  ...httpEn,
  ...qualityEn,
  ...narrativeEn,
};
