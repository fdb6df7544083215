/** Texts of the report feature, French first; keys mirror each other. */
export const reportMessages = {
  fr: {},
  en: {},
};
