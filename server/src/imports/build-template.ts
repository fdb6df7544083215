import { quarterLabel } from '@ptce/shared/periods';
import type ExcelJS from 'exceljs';
import type { ScopeRow } from '../poles/poles.repository';
import { addReadmeSheet } from './readme-sheet';
import { numberFormat, sheetNames, TEMPLATE_COLUMNS } from './template-layout';
import type { TemplateLine } from './template-rows';

const EDITABLE_FILL = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF8D6' },
} as const satisfies ExcelJS.Fill;
const HEADER_FILL = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE4E9F2' },
} as const satisfies ExcelJS.Fill;

/**
 * The template workbook as .xlsx bytes: the read-me sheet, then one protected sheet per scope
 * (frozen header; only `valeur`, `commentaire` and `motif de dérogation` unlocked; `version`
 * hidden). Values are number cells formatted with the indicator's decimals; comments are plain
 * string cells, never formulas. Protection has no password: it guards against slips, the
 * import checks everything anyway.
 */
export async function buildTemplate(input: {
  pole: { slug: string; name: string };
  period: string;
  scopes: ScopeRow[];
  lines: Map<string, TemplateLine[]>;
  now: Date;
}): Promise<Uint8Array> {
  // Loaded on the first template asked: exceljs is ~19 MB of RSS the server needs only then.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ptce-suivi';
  wb.created = input.now;
  wb.title = `${input.pole.name} — ${quarterLabel(input.period, 'fr')}`;
  const names = sheetNames(input.scopes);
  addReadmeSheet(
    wb,
    {
      poleName: input.pole.name,
      poleSlug: input.pole.slug,
      period: input.period,
      generatedAt: input.now,
    },
    [...names.values()],
  );
  for (const scope of input.scopes) {
    const ws = wb.addWorksheet(names.get(scope.slug)!, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    ws.columns = TEMPLATE_COLUMNS.map((c) => ({
      key: c.key,
      header: c.header,
      width: c.width,
      hidden: c.key === 'version',
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
    });
    for (const line of input.lines.get(scope.slug) ?? []) addLine(ws, line);
    await ws.protect('', { formatColumns: true, formatRows: true });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addLine(ws: ExcelJS.Worksheet, line: TemplateLine): void {
  const row = ws.addRow({
    indicator: line.indicator.code,
    slice: line.slice || null,
    label: line.label,
    unit: line.unit,
    value: line.value,
    comment: line.comment,
    version: line.version,
    definition: line.indicator.definitionFr,
  });
  if (!line.slice) row.font = { bold: true };
  else row.getCell('label').alignment = { indent: 2 };
  const value = row.getCell('value');
  value.numFmt = numberFormat(line.indicator.decimals);
  for (const cell of [value, row.getCell('comment'), row.getCell('overrideReason')]) {
    cell.protection = { locked: false };
    cell.fill = EDITABLE_FILL;
  }
}
