/** Texts of the history feature, French first; keys mirror each other. */
export const historyMessages = {
  fr: {},
  en: {},
};
