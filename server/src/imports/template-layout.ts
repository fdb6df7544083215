import type { Dimension, Indicator, Unit } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import { parseSlice } from '@ptce/shared/slices';

/** MIME type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Name of the explanation sheet, first in the template and skipped on import. */
export const README_SHEET = 'Lisez-moi';

/**
 * The template's columns, in order (A…I); only `value`, `comment` and `overrideReason` are
 * editable. `overrideReason` is never prefilled: a reason justifies one import, not later ones.
 */
export const TEMPLATE_COLUMNS = [
  { key: 'indicator', header: 'code indicateur', width: 30 },
  { key: 'slice', header: 'ventilation', width: 32 },
  { key: 'label', header: 'libellé', width: 70 },
  { key: 'unit', header: 'unité', width: 11 },
  { key: 'value', header: 'valeur', width: 15 },
  { key: 'comment', header: 'commentaire', width: 45 },
  { key: 'overrideReason', header: 'motif de dérogation', width: 45 },
  { key: 'version', header: 'version', width: 9 },
  { key: 'definition', header: 'définition', width: 90 },
] as const;

const UNIT_LABELS: Record<Unit, Record<Lang, string>> = {
  count: { fr: 'nombre', en: 'number' },
  persons: { fr: 'personnes', en: 'persons' },
  fte: { fr: 'ETP', en: 'FTE' },
  eur: { fr: '€', en: '€' },
  tonnes: { fr: 't', en: 't' },
  hours: { fr: 'heures', en: 'hours' },
  percent: { fr: '%', en: '%' },
  mwh: { fr: 'MWh', en: 'MWh' },
};

export const unitLabel = (unit: Unit, lang: Lang = 'fr') => UNIT_LABELS[unit][lang];

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
  const base = lang === 'fr' ? indicator.labelFr : indicator.labelEn;
  const parts = slice ? safeParse(slice) : null;
  if (!parts) return base;
  const dim = dimensions.find((d) => d.code === parts.dimension);
  const member = dim?.members.find((m) => m.code === parts.member);
  const dimLabel = dim ? (lang === 'fr' ? dim.labelFr : dim.labelEn) : parts.dimension;
  const memberLabel = member
    ? lang === 'fr'
      ? member.labelFr
      : member.labelEn
    : (groupNames.get(parts.member) ?? parts.member);
  return `${base} — ${dimLabel}${lang === 'fr' ? ' : ' : ': '}${memberLabel}`;
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
