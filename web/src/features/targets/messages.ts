/** Texts of the targets feature, French first; keys mirror each other. */
export const targetsMessages = {
  fr: {},
  en: {},
};
