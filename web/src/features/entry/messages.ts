/** Texts of the entry feature, French first; keys mirror each other. */
export const entryMessages = {
  fr: {},
  en: {},
};
