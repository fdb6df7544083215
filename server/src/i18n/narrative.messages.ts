import type { Translation } from './translation';

/** Texts of the quarter's narrative ("faits marquants"), French first. */
export const narrativeFr = {
  'narrative.unknownScope': 'Périmètre inconnu pour ce pôle : {scope}.',
  'narrative.poleScope': 'Le texte du pôle s’envoie dans « text », pas dans « scopes » ({scope}).',
  'narrative.scopes':
    'Ces textes ne correspondent à aucun groupe de travail du pôle ; rien n’a été enregistré.',
  'narrative.stale':
    'Les faits marquants ont été modifiés par quelqu’un d’autre (version {version}) ; rien n’a été enregistré.',
  'narrative.control':
    'Caractère de contrôle refusé : seuls les retours à la ligne et les tabulations sont permis.',
  'narrative.future': 'Ce trimestre n’a pas commencé : ses faits marquants s’écriront à son début.',
} as const;

export const narrativeEn: Translation<typeof narrativeFr> = {
  'narrative.unknownScope': 'Unknown scope for this pole: {scope}.',
  'narrative.poleScope': 'The pole’s text goes in "text", not in "scopes" ({scope}).',
  'narrative.scopes': 'These texts match no working group of the pole; nothing was saved.',
  'narrative.stale': 'Someone else changed the highlights (version {version}); nothing was saved.',
  'narrative.control': 'Control character refused: only newlines and tabs are allowed.',
  'narrative.future': 'This quarter has not started: its highlights can be written once it has.',
};
