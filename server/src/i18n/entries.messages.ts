import type { Translation } from './translation';

/** Texts of the values, targets, quarter and export checks, French first; `{name}` is a parameter. */
export const entriesFr = {
  'quarter.future': 'Ce trimestre n’a pas commencé.',
  'entries.duplicate': 'Cette valeur figure deux fois dans l’envoi.',
  'entries.unknownScope': 'Périmètre inconnu : {scope}.',
  'entries.unknownIndicator': 'Indicateur inconnu : {indicator}.',
  'entries.notTracked': '{indicator} n’est pas suivi par « {scope} ».',
  'entries.computed': '{indicator} est calculé, il ne se saisit pas.',
  'entries.slice': 'Ventilation « {slice} » non prévue pour {indicator}.',
  'entries.integer': '{indicator} se compte en nombres entiers.',
  'entries.decimals': '{indicator} : au plus {decimals} décimale(s).',
  'entries.min': '{indicator} : au moins {min}.',
  'entries.max': '{indicator} : au plus {max}.',
  'entries.stale': '{indicator} a été modifié par quelqu’un d’autre.',
  'targets.duplicate': 'Objectif en double.',
  'targets.notTracked': '{indicator} n’est pas suivi par {scope}.',
  'targets.negative': 'Un objectif ne peut pas être négatif.',
  'targets.outOfRange': 'Objectif hors bornes.',
  'exports.range': '« from » doit précéder « to », sur {max} trimestres au plus.',
} as const;

export const entriesEn: Translation<typeof entriesFr> = {
  'quarter.future': 'This quarter has not started.',
  'entries.duplicate': 'This value appears twice in the batch.',
  'entries.unknownScope': 'Unknown scope: {scope}.',
  'entries.unknownIndicator': 'Unknown indicator: {indicator}.',
  'entries.notTracked': '{indicator} is not tracked by "{scope}".',
  'entries.computed': '{indicator} is computed, not entered.',
  'entries.slice': 'Breakdown "{slice}" is not defined for {indicator}.',
  'entries.integer': '{indicator} is a whole number.',
  'entries.decimals': '{indicator}: at most {decimals} decimal(s).',
  'entries.min': '{indicator}: at least {min}.',
  'entries.max': '{indicator}: at most {max}.',
  'entries.stale': '{indicator} was changed by someone else.',
  'targets.duplicate': 'Duplicate target.',
  'targets.notTracked': '{indicator} is not tracked by {scope}.',
  'targets.negative': 'A target cannot be negative.',
  'targets.outOfRange': 'Target out of range.',
  'exports.range': 'from ≤ to, at most {max} quarters',
};
