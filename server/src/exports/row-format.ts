import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { type CsvDialect, csvLine, csvNumber, csvText } from '@ptce/shared/csv';
import { LABELLED_COLUMNS } from '@ptce/shared/exports.labels';
import type { ExportLabelledRow } from '@ptce/shared/exports.schema';
import { roundTo } from '@ptce/shared/format';

/**
 * Decimals written for an indicator: the catalogue's, ratios included, so that every file holds
 * the number the screens show (a finer ratio rounded again on screen could differ: 45,749 → 45,75
 * in the file → "45,8 %" against "45,7 %").
 */
export function decimalsOf(catalogue: Catalogue): (code: string) => number {
  const map = new Map(catalogue.indicators.map((i) => [i.code, i.decimals]));
  return (code) => map.get(code) ?? 2;
}

/** A row rounded as exported: the number every format writes for it. */
export function roundedValue(row: AggregateRow, decimals: number): number | null {
  return row.value === null ? null : roundTo(row.value, decimals);
}

/** One CSV data line of the export, in column order. */
export function csvRow(row: AggregateRow, decimals: number, dialect: CsvDialect): string {
  return csvLine(
    [
      csvText(row.region, dialect),
      csvText(row.pole, dialect),
      csvText(row.scope, dialect),
      csvText(row.indicator, dialect),
      csvText(row.unit, dialect),
      csvText(row.period, dialect),
      csvText(row.slice, dialect),
      csvNumber(row.value, decimals, dialect),
      csvText(row.status, dialect),
      row.complete ? 'true' : 'false',
    ],
    dialect,
  );
}

/** One JSON data row of the export, with the rounded value. */
export function jsonRow(row: AggregateRow, decimals: number): string {
  return JSON.stringify({ ...row, value: roundedValue(row, decimals) });
}

/** One CSV data line of an export with labels, in LABELLED_COLUMNS order. */
export function csvLabelledRow(
  row: ExportLabelledRow,
  decimals: number,
  dialect: CsvDialect,
): string {
  return csvLine(
    LABELLED_COLUMNS.map((c) =>
      c === 'value' ? csvNumber(row.value, decimals, dialect) : csvText(row[c], dialect),
    ),
    dialect,
  );
}
