/** Texts of the admin feature, French first; keys mirror each other. */
export const adminMessages = {
  fr: {},
  en: {},
};
