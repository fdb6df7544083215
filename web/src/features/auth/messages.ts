/** Texts of the auth feature, French first; keys mirror each other. */
export const authMessages = {
  fr: {
    title: 'Connexion',
    intro: 'Suivi trimestriel des pôles territoriaux de coopération économique.',
    email: 'Adresse électronique',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    expired: 'Votre session a expiré : reconnectez-vous pour revenir à la page demandée.',
  },
  en: {
    title: 'Log in',
    intro: 'Quarterly follow-up of territorial economic cooperation poles.',
    email: 'Email address',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    expired: 'Your session has expired: log in again to return to the page you asked for.',
  },
};
