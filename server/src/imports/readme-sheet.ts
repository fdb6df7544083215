import { quarterLabel } from '@ptce/shared/periods';
import type { Workbook } from 'exceljs';
import { README_SHEET } from './template-layout';

/** Labels of the read-me cells the import reads back to refuse a file of another pole/quarter. */
export const README_KEYS = { pole: 'Code du pôle', period: 'Code du trimestre' } as const;

/**
 * Adds the French "Lisez-moi" sheet: what the file is (pole, quarter, date), how to fill it,
 * how empty cells and the clear marker `-` are read, and how to justify a blocking rule error
 * with a `motif de dérogation`. Column A holds labels, column B values;
 * the `README_KEYS` rows carry the pole slug and quarter code checked on import.
 */
export function addReadmeSheet(
  wb: Workbook,
  info: { poleName: string; poleSlug: string; period: string; generatedAt: Date },
  sheetNames: string[],
): void {
  const ws = wb.addWorksheet(README_SHEET);
  ws.columns = [{ width: 24 }, { width: 110 }];
  const title = ws.addRow([
    `Modèle de saisie — ${info.poleName} — ${quarterLabel(info.period, 'fr')}`,
  ]);
  title.font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(['Pôle', info.poleName]);
  ws.addRow([README_KEYS.pole, info.poleSlug]);
  ws.addRow(['Trimestre', quarterLabel(info.period, 'fr')]);
  ws.addRow([README_KEYS.period, info.period]);
  ws.addRow(['Généré le', info.generatedAt.toISOString().slice(0, 16).replace('T', ' ')]);
  ws.addRow(['Onglets', sheetNames.join(', ')]);
  ws.addRow([]);
  const steps = [
    'Un onglet par périmètre (groupe de travail, puis le pôle). Chaque ligne est un indicateur : son total (ventilation vide), puis ses ventilations (ex. sexe, tranche d’âge).',
    'Saisissez uniquement les colonnes « valeur », « commentaire » et « motif de dérogation » (sur fond jaune). Les autres colonnes sont protégées : ne renommez pas les onglets et ne modifiez ni les codes ni les ventilations.',
    'Les valeurs déjà enregistrées sont préremplies. Nombres : virgule ou point décimal acceptés (1 234,5 ou 1234.5), sans unité.',
    'Une cellule « valeur » ou « commentaire » laissée vide ne change rien. Pour effacer une valeur enregistrée, saisissez un tiret « - » (la valeur et son commentaire sont effacés, quel que soit le contenu de la colonne « commentaire ») ; un tiret dans « commentaire » efface seulement le commentaire.',
    'Les ratios (taux, parts) sont calculés par l’application : ils n’apparaissent pas ici.',
    'Importez le fichier depuis l’écran Import du pôle : un essai liste d’abord les changements (ancienne → nouvelle valeur), les erreurs et les contrôles de cohérence ; rien n’est enregistré avant votre confirmation. L’import applique tout ou rien.',
    'Motif de dérogation (facultatif) : si l’essai signale une erreur de cohérence bloquante alors que vos valeurs sont justes, remplissez la colonne « motif de dérogation » sur les lignes de cette erreur que vous modifiez (l’essai les indique) pour la justifier, puis relancez l’essai : l’erreur apparaît comme justifiée et l’import peut être appliqué. Le motif (3 caractères au moins) est enregistré dans l’historique. Un motif sur une ligne qui ne change rien est refusé : il ne vaut que pour l’import qui modifie la ligne.',
    'Si quelqu’un a modifié une valeur dans l’application depuis le téléchargement de ce fichier, l’import de cette valeur est refusé : téléchargez un nouveau modèle.',
    'Un trimestre soumis ou validé ne peut plus être modifié par import.',
    'Variante CSV : colonnes périmètre, indicateur, ventilation, valeur, commentaire, et au besoin motif de dérogation (séparateur « ; » avec virgule décimale, ou « , » avec point décimal).',
  ];
  ws.addRow(['Mode d’emploi']).font = { bold: true };
  for (const [i, text] of steps.entries()) {
    const row = ws.addRow([`${i + 1}.`, text]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  }
}
