/** Texts of the dashboard feature, French first; keys mirror each other. */
export const dashboardMessages = {
  fr: {},
  en: {},
};
