import type { Translation } from './translation';

/** Texts of the spreadsheet template (columns, units, read-me sheet), French first. */
export const templateFr = {
  'unit.count': 'nombre',
  'unit.persons': 'personnes',
  'unit.fte': 'ETP',
  'unit.eur': '€',
  'unit.tonnes': 't',
  'unit.hours': 'heures',
  'unit.percent': '%',
  'unit.mwh': 'MWh',
  'column.indicator': 'code indicateur',
  'column.slice': 'ventilation',
  'column.label': 'libellé',
  'column.unit': 'unité',
  'column.value': 'valeur',
  'column.comment': 'commentaire',
  'column.overrideReason': 'motif de dérogation',
  'column.version': 'version',
  'column.definition': 'définition',
  'cell.sliceLabel': '{indicator} — {dimension} : {member}',
  'readme.sheet': 'Lisez-moi',
  'readme.title': 'Modèle de saisie — {pole} — {period}',
  'readme.pole': 'Pôle',
  'readme.poleCode': 'Code du pôle',
  'readme.period': 'Trimestre',
  'readme.periodCode': 'Code du trimestre',
  'readme.generatedAt': 'Généré le',
  'readme.sheets': 'Onglets',
  'readme.howTo': 'Mode d’emploi',
  'readme.step1':
    'Un onglet par périmètre (groupe de travail, puis le pôle). Chaque ligne est un indicateur : son total (ventilation vide), puis ses ventilations (ex. sexe, tranche d’âge).',
  'readme.step2':
    'Saisissez uniquement les colonnes « valeur », « commentaire » et « motif de dérogation » (sur fond jaune). Les autres colonnes sont protégées : ne renommez pas les onglets et ne modifiez ni les codes ni les ventilations.',
  'readme.step3':
    'Les valeurs déjà enregistrées sont préremplies. Nombres : virgule ou point décimal acceptés (1 234,5 ou 1234.5), sans unité.',
  'readme.step4':
    'Une cellule « valeur » ou « commentaire » laissée vide ne change rien. Pour effacer une valeur enregistrée, saisissez un tiret « - » (la valeur et son commentaire sont effacés, quel que soit le contenu de la colonne « commentaire ») ; un tiret dans « commentaire » efface seulement le commentaire.',
  'readme.step5':
    'Les ratios (taux, parts) sont calculés par l’application : ils n’apparaissent pas ici.',
  'readme.step6':
    'Importez le fichier depuis l’écran Import du pôle : un essai liste d’abord les changements (ancienne → nouvelle valeur), les erreurs et les contrôles de cohérence ; rien n’est enregistré avant votre confirmation. L’import applique tout ou rien.',
  'readme.step7':
    'Motif de dérogation (facultatif) : si l’essai signale une erreur de cohérence bloquante alors que vos valeurs sont justes, remplissez la colonne « motif de dérogation » sur les lignes de cette erreur que vous modifiez (l’essai les indique) pour la justifier, puis relancez l’essai : l’erreur apparaît comme justifiée et l’import peut être appliqué. Le motif ({min} caractères au moins) est enregistré dans l’historique. Un motif sur une ligne qui ne change rien est refusé : il ne vaut que pour l’import qui modifie la ligne.',
  'readme.step8':
    'Si quelqu’un a modifié une valeur dans l’application depuis le téléchargement de ce fichier, l’import de cette valeur est refusé : téléchargez un nouveau modèle.',
  'readme.step9': 'Un trimestre soumis ou validé ne peut plus être modifié par import.',
  'readme.step10':
    'Variante CSV : colonnes périmètre, indicateur, ventilation, valeur, commentaire, et au besoin motif de dérogation (séparateur « ; » avec virgule décimale, ou « , » avec point décimal).',
} as const;

export const templateEn: Translation<typeof templateFr> = {
  'unit.count': 'number',
  'unit.persons': 'persons',
  'unit.fte': 'FTE',
  'unit.eur': '€',
  'unit.tonnes': 't',
  'unit.hours': 'hours',
  'unit.percent': '%',
  'unit.mwh': 'MWh',
  'column.indicator': 'indicator code',
  'column.slice': 'breakdown',
  'column.label': 'label',
  'column.unit': 'unit',
  'column.value': 'value',
  'column.comment': 'comment',
  'column.overrideReason': 'override reason',
  'column.version': 'version',
  'column.definition': 'definition',
  'cell.sliceLabel': '{indicator} — {dimension}: {member}',
  'readme.sheet': 'Read me',
  'readme.title': 'Entry template — {pole} — {period}',
  'readme.pole': 'Pole',
  'readme.poleCode': 'Pole code',
  'readme.period': 'Quarter',
  'readme.periodCode': 'Quarter code',
  'readme.generatedAt': 'Generated on',
  'readme.sheets': 'Sheets',
  'readme.howTo': 'How to use it',
  'readme.step1':
    'One sheet per scope (working group, then the pole). Each row is an indicator: its total (empty breakdown), then its breakdowns (e.g. sex, age group).',
  'readme.step2':
    'Fill in only the "value", "comment" and "override reason" columns (yellow background). The other columns are protected: do not rename the sheets or change the codes or breakdowns.',
  'readme.step3':
    'Values already saved are prefilled. Numbers: decimal comma or point (1 234,5 or 1234.5), without a unit.',
  'readme.step4':
    'An empty "value" or "comment" cell changes nothing. To clear a saved value, type a dash "-" (the value and its comment are cleared, whatever the "comment" column holds); a dash in "comment" clears the comment only.',
  'readme.step5':
    'Ratios (rates, shares) are computed by the application: they do not appear here.',
  'readme.step6':
    'Import the file from the pole’s Import screen: a dry run first lists the changes (old → new value), the errors and the consistency checks; nothing is saved before you confirm. The import applies everything or nothing.',
  'readme.step7':
    'Override reason (optional): if the dry run reports a blocking consistency error although your values are right, fill in the "override reason" column on the rows of that error you change (the dry run names them) to justify it, then run the dry run again: the error shows as justified and the import can be applied. The reason (at least {min} characters) is kept in the history. A reason on a row that changes nothing is refused: it only applies to the import that changes the row.',
  'readme.step8':
    'If someone changed a value in the application since this file was downloaded, the import of that value is refused: download a new template.',
  'readme.step9': 'A submitted or validated quarter can no longer be changed by import.',
  'readme.step10':
    'CSV variant: columns scope, indicator, slice, value, comment, and if needed override reason (separator ";" with a decimal comma, or "," with a decimal point).',
};
