import type { Translation } from './translation';

/** Texts of the HTTP surface (hosts, media types, text encoding), French first. */
export const httpFr = {
  'http.wrongHost':
    'Ce serveur ne répond pas pour l’adresse « {host} » (voir PTCE_PUBLIC_URL dans le README).',
  'http.invalidUtf8': 'Le corps de la requête n’est pas du texte UTF-8 valide.',
  'http.invalidUnicode':
    'Le texte contient un caractère invalide (caractère nul ou demi-paire de substitution Unicode isolée).',
} as const;

export const httpEn: Translation<typeof httpFr> = {
  'http.wrongHost':
    'This server does not answer for the address "{host}" (see PTCE_PUBLIC_URL in the README).',
  'http.invalidUtf8': 'The request body is not valid UTF-8 text.',
  'http.invalidUnicode':
    'The text holds an invalid character (a NUL character or a lone Unicode surrogate).',
};
