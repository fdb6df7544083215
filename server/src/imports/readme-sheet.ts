import { quarterLabel } from '@ptce/shared/periods';
import { OVERRIDE_REASON_LENGTH } from '@ptce/shared/values.schema';
import type { Workbook } from 'exceljs';
import { t } from '../i18n/t';
import { README_SHEET } from './template-layout';

/** Labels of the read-me cells the import reads back to refuse a file of another pole/quarter. */
export const README_KEYS = {
  pole: t('fr', 'readme.poleCode'),
  period: t('fr', 'readme.periodCode'),
} as const;

const STEPS = [
  'readme.step1',
  'readme.step2',
  'readme.step3',
  'readme.step4',
  'readme.step5',
  'readme.step6',
  'readme.step7',
  'readme.step8',
  'readme.step9',
  'readme.step10',
] as const;

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
  const period = quarterLabel(info.period, 'fr');
  const title = ws.addRow([t('fr', 'readme.title', { pole: info.poleName, period })]);
  title.font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow([t('fr', 'readme.pole'), info.poleName]);
  ws.addRow([README_KEYS.pole, info.poleSlug]);
  ws.addRow([t('fr', 'readme.period'), period]);
  ws.addRow([README_KEYS.period, info.period]);
  const generatedAt = info.generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  ws.addRow([t('fr', 'readme.generatedAt'), generatedAt]);
  ws.addRow([t('fr', 'readme.sheets'), sheetNames.join(', ')]);
  ws.addRow([]);
  const steps = STEPS.map((key) =>
    key === 'readme.step7' ? t('fr', key, { min: OVERRIDE_REASON_LENGTH.min }) : t('fr', key),
  );
  ws.addRow([t('fr', 'readme.howTo')]).font = { bold: true };
  for (const [i, text] of steps.entries()) {
    const row = ws.addRow([`${i + 1}.`, text]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  }
}
