import type { Translation } from '../i18n/translation';

/**
 * The e-mails' texts, French first. `{by}` is ` par {actor}` when someone caused the event;
 * keys ending in `_one` / `_other` are chosen by the plural rules of the language (`count`).
 */
export const mailFr = {
  'subject.dueSoon': '{pole} : {quarter} à soumettre au plus tard le {deadline}',
  'subject.overdue': '{pole} : {quarter} en retard',
  'subject.submitted': '{pole} : {quarter} soumis, à valider',
  'subject.validated': '{pole} : {quarter} validé',
  'subject.sentBack': '{pole} : {quarter} renvoyé en brouillon',
  'subject.reopened': '{pole} : {quarter} rouvert',
  'subject.importApplied': '{pole} : import sur {quarter}',
  'subject.digest_one': 'PTCE Suivi : votre résumé du {date}, 1 notification',
  'subject.digest_other': 'PTCE Suivi : votre résumé du {date}, {count} notifications',
  'line.dueSoon': 'Le trimestre {quarter} de {pole} est à soumettre au plus tard le {deadline}.',
  'line.overdue_one':
    'Le trimestre {quarter} de {pole} devait être soumis au plus tard le {deadline} : 1 jour de retard.',
  'line.overdue_other':
    'Le trimestre {quarter} de {pole} devait être soumis au plus tard le {deadline} : {count} jours de retard.',
  'line.submitted':
    'Le trimestre {quarter} de {pole} a été soumis{by} ; il attend votre validation.',
  'line.validated':
    'Le trimestre {quarter} de {pole} a été validé{by} ; ses valeurs sont verrouillées.',
  'line.sentBack': 'Le trimestre {quarter} de {pole} a été renvoyé en brouillon{by}.',
  'line.reopened': 'Le trimestre {quarter} de {pole}, qui était validé, a été rouvert{by}.',
  'line.importApplied_one':
    '{actor} a importé un fichier sur le trimestre {quarter} de {pole} : 1 valeur modifiée.',
  'line.importApplied_other':
    '{actor} a importé un fichier sur le trimestre {quarter} de {pole} : {count} valeurs modifiées.',
  by: ' par {actor}',
  someone: 'Quelqu’un',
  reason: 'Motif : {reason}',
  open: 'Ouvrir dans PTCE Suivi',
  openUrl: 'Ouvrir : {url}',
  digestIntro: 'Vos notifications de PTCE Suivi depuis le dernier résumé :',
  footer: 'Choisir ce que vous recevez de PTCE Suivi, et comment : {url}',
  footerLink: 'vos préférences de notification',
  footerHtml: 'Choisir ce que vous recevez de PTCE Suivi, et comment :',
} as const;

export const mailEn: Translation<typeof mailFr> = {
  'subject.dueSoon': '{pole}: {quarter} due by {deadline}',
  'subject.overdue': '{pole}: {quarter} overdue',
  'subject.submitted': '{pole}: {quarter} submitted, to validate',
  'subject.validated': '{pole}: {quarter} validated',
  'subject.sentBack': '{pole}: {quarter} sent back to draft',
  'subject.reopened': '{pole}: {quarter} reopened',
  'subject.importApplied': '{pole}: import into {quarter}',
  'subject.digest_one': 'PTCE Suivi: your digest of {date}, 1 notification',
  'subject.digest_other': 'PTCE Suivi: your digest of {date}, {count} notifications',
  'line.dueSoon': '{quarter} of {pole} is due by {deadline}.',
  'line.overdue_one': '{quarter} of {pole} was due by {deadline}: 1 day late.',
  'line.overdue_other': '{quarter} of {pole} was due by {deadline}: {count} days late.',
  'line.submitted': '{quarter} of {pole} was submitted{by}; it awaits your validation.',
  'line.validated': '{quarter} of {pole} was validated{by}; its values are locked.',
  'line.sentBack': '{quarter} of {pole} was sent back to draft{by}.',
  'line.reopened': '{quarter} of {pole}, validated until now, was reopened{by}.',
  'line.importApplied_one': '{actor} imported a file into {quarter} of {pole}: 1 value changed.',
  'line.importApplied_other':
    '{actor} imported a file into {quarter} of {pole}: {count} values changed.',
  by: ' by {actor}',
  someone: 'Someone',
  reason: 'Reason: {reason}',
  open: 'Open in PTCE Suivi',
  openUrl: 'Open: {url}',
  digestIntro: 'Your PTCE Suivi notifications since the last digest:',
  footer: 'Choose what you receive from PTCE Suivi, and how: {url}',
  footerLink: 'your notification preferences',
  footerHtml: 'Choose what you receive from PTCE Suivi, and how:',
};

export type MailKey = keyof typeof mailFr;
