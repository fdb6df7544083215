/** Texts of the home feature, French first; keys mirror each other. */
export const homeMessages = {
  fr: {},
  en: {},
};
