import type { ErrorCode } from './errors.schema';

export type Lang = 'fr' | 'en';

/** Default message of each error code, French first. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Lang, string>> = {
  BAD_REQUEST: { fr: 'Requête mal formée.', en: 'Malformed request.' },
  VALIDATION_FAILED: {
    fr: 'Certaines données envoyées ne sont pas valides.',
    en: 'Some of the data sent is not valid.',
  },
  UNAUTHENTICATED: { fr: 'Connexion requise.', en: 'You must be logged in.' },
  INVALID_CREDENTIALS: {
    fr: 'Adresse électronique ou mot de passe incorrect.',
    en: 'Wrong email or password.',
  },
  FORBIDDEN: {
    fr: 'Votre rôle ne permet pas cette action.',
    en: 'Your role does not allow this action.',
  },
  CSRF_REJECTED: {
    fr: 'Requête refusée : elle ne vient pas de cette application.',
    en: 'Request refused: it does not come from this application.',
  },
  NOT_FOUND: { fr: 'Introuvable.', en: 'Not found.' },
  METHOD_NOT_ALLOWED: { fr: 'Méthode non permise.', en: 'Method not allowed.' },
  CONFLICT: {
    fr: "Quelqu'un d'autre a modifié ces valeurs entre-temps ; rien n'a été enregistré.",
    en: 'Someone else changed these values in the meantime; nothing was saved.',
  },
  PAYLOAD_TOO_LARGE: { fr: 'Envoi trop volumineux.', en: 'Upload too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    fr: 'Format de contenu non pris en charge (JSON attendu).',
    en: 'Unsupported content type (JSON expected).',
  },
  INVALID_ENTRIES: {
    fr: "Certaines valeurs ne respectent pas le catalogue des indicateurs ; rien n'a été enregistré.",
    en: 'Some values do not fit the indicator catalogue; nothing was saved.',
  },
  RULE_VIOLATION: {
    fr: "Des règles de cohérence ne sont pas respectées ; rien n'a été enregistré. Corrigez ou justifiez.",
    en: 'Consistency rules are broken; nothing was saved. Fix the values or give a reason.',
  },
  INVALID_STATE: {
    fr: "Cette action n'est pas possible dans l'état actuel du trimestre.",
    en: "This action is not possible in the quarter's current state.",
  },
  LOCKED: {
    fr: 'Ce trimestre est verrouillé (soumis ou validé) : il ne peut plus être modifié.',
    en: 'This quarter is locked (submitted or validated): it can no longer be changed.',
  },
  RATE_LIMITED: {
    fr: 'Trop de tentatives. Réessayez plus tard.',
    en: 'Too many attempts. Try again later.',
  },
  INTERNAL: {
    fr: 'Erreur interne du serveur. Réessayez ; si cela persiste, prévenez l’administrateur.',
    en: 'Internal server error. Try again; if it persists, tell the administrator.',
  },
  SERVICE_UNAVAILABLE: {
    fr: 'Le serveur est très sollicité : réessayez dans quelques secondes.',
    en: 'The server is busy: try again in a few seconds.',
  },
};
