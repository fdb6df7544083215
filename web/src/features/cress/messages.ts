/** Texts of the cress feature, French first; keys mirror each other. */
export const cressMessages = {
  fr: {},
  en: {},
};
