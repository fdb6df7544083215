import type { Dimension, Indicator, Unit } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import { parseSlice } from '@ptce/shared/slices';
import { t } from '../i18n/t';

/** MIME type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Name of the explanation sheet, first in the template and skipped on import. */
export const README_SHEET = t('fr', 'readme.sheet');

/**
 * The template's columns, in order (A…I), headed in French (the import reads both languages);
 * only `value`, `comment` and `overrideReason` are editable. `overrideReason` is never
 * prefilled: a reason justifies one import, not later ones.
 */
export const TEMPLATE_COLUMNS = (
  [
    { key: 'indicator', width: 30 },
    { key: 'slice', width: 32 },
    { key: 'label', width: 70 },
    { key: 'unit', width: 11 },
    { key: 'value', width: 15 },
    { key: 'comment', width: 45 },
    { key: 'overrideReason', width: 45 },
    { key: 'version', width: 9 },
    { key: 'definition', width: 90 },
  ] as const
).map((c) => ({ ...c, header: t('fr', `column.${c.key}`) }));

/** The unit as the template's `unité` column writes it (`personnes`, `€`). */
export const unitLabel = (unit: Unit, lang: Lang = 'fr') => t(lang, `unit.${unit}`);

/** The `template.xlsx` download name: `ptce-<pole>-<period>.xlsx`. */
export const templateFileName = (pole: string, period: string) => `ptce-${pole}-${period}.xlsx`;

/** Excel number format showing `decimals` decimals with thousands grouping. */
export const numberFormat = (decimals: number) =>
  decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';

/**
 * The label of a cell: the indicator's label, plus `— dimension : member` for a slice. Members
 * of a `poleGroups` dimension that are working groups take the group's name from `groupNames`.
 */
export function cellLabel(
  indicator: Indicator,
  slice: string,
  dimensions: readonly Dimension[],
  groupNames: ReadonlyMap<string, string>,
  lang: Lang = 'fr',
): string {
  const labelOf = (o: { labelFr: string; labelEn: string }) =>
    lang === 'fr' ? o.labelFr : o.labelEn;
  const parts = slice ? safeParse(slice) : null;
  if (!parts) return labelOf(indicator);
  const dim = dimensions.find((d) => d.code === parts.dimension);
  const member = dim?.members.find((m) => m.code === parts.member);
  return t(lang, 'cell.sliceLabel', {
    indicator: labelOf(indicator),
    dimension: dim ? labelOf(dim) : parts.dimension,
    member: member ? labelOf(member) : (groupNames.get(parts.member) ?? parts.member),
  });
}

function safeParse(slice: string) {
  try {
    return parseSlice(slice);
  } catch {
    return null;
  }
}

const FORBIDDEN_IN_SHEET_NAMES = /[\\/?*:[\]]/g;

/**
 * A sheet name per scope: the scope's name without the characters Excel forbids, cut to 31
 * characters, unique (case-insensitively, Excel's rule) and distinct from the read-me sheet.
 * @returns scope slug → sheet name, in the order given.
 */
export function sheetNames(scopes: ReadonlyArray<{ slug: string; name: string }>) {
  const taken = new Set([README_SHEET.toLowerCase(), 'history']);
  const names = new Map<string, string>();
  for (const s of scopes) {
    const base =
      s.name
        .replace(FORBIDDEN_IN_SHEET_NAMES, '-')
        .replace(/^'+|'+$/g, '')
        .trim()
        .slice(0, 31)
        .trim() || s.slug.slice(0, 31);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    names.set(s.slug, name);
  }
  return names;
}
