import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import { STATUS_WORDS, UNIT_WORDS, YES_NO } from '@ptce/shared/exports.labels';
import type { ExportLabelledRow } from '@ptce/shared/exports.schema';
import { getOrInsert } from '@ptce/shared/map-utils';
import { QuarterSchema, quarterLabel } from '@ptce/shared/periods';
import { scopeNameIn } from '@ptce/shared/poles.schema';
import { parseSlice } from '@ptce/shared/slices';
import type { GroupNames } from './export-rows';
import { roundedValue } from './row-format';

/** A slice's dimension label and member label (null: a working group, named per pole). */
interface SliceWords {
  dimension: string;
  member: string;
  label: string | null;
}

/**
 * Writes rows with labels in `lang`: names beside the codes, the indicator's label, a slice as
 * `Sexe : Femme` (`Sex: Female`), the unit in words, `T1 2024`, `Validé`, `oui`. Periods and
 * slices are looked up once each.
 */
export function rowLabeller(
  catalogue: Catalogue,
  lang: Lang,
): (row: AggregateRow, names: GroupNames, decimals: number) => ExportLabelledRow {
  const fr = lang === 'fr';
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, fr ? i.labelFr : i.labelEn]));
  const dimensions = new Map(catalogue.dimensions.map((d) => [d.code, d]));
  const periods = new Map<string, string>();
  const slices = new Map<string, SliceWords | null>();
  const periodOf = (p: string) =>
    getOrInsert(periods, p, () => (QuarterSchema.safeParse(p).success ? quarterLabel(p, lang) : p));
  const sliceOf = (slice: string): SliceWords | null =>
    getOrInsert(slices, slice, () => {
      let parts: ReturnType<typeof parseSlice>;
      try {
        parts = parseSlice(slice);
      } catch {
        return { dimension: slice, member: '', label: '' };
      }
      if (!parts) return null;
      const d = dimensions.get(parts.dimension);
      const m = d?.members.find((x) => x.code === parts.member);
      return {
        dimension: d ? (fr ? d.labelFr : d.labelEn) : parts.dimension,
        member: parts.member,
        label: m ? (fr ? m.labelFr : m.labelEn) : d?.poleGroups ? null : parts.member,
      };
    });
  const words = { status: STATUS_WORDS[lang], yesNo: YES_NO[lang], unit: UNIT_WORDS[lang] };
  return (row, names, decimals) => {
    const s = row.slice ? sliceOf(row.slice) : null;
    const member = s ? (s.label ?? names.groups.get(s.member) ?? s.member) : '';
    return {
      region: row.region,
      region_name: row.region ? names.region : '',
      pole: row.pole,
      pole_name: row.pole ? names.pole : '',
      scope: row.scope,
      scope_name: row.scope ? scopeNameIn({ slug: row.scope, name: names.scope }, lang) : '',
      indicator: row.indicator,
      indicator_label: indicators.get(row.indicator) ?? row.indicator,
      unit: words.unit[row.unit as keyof typeof words.unit] ?? row.unit,
      period: periodOf(row.period),
      slice: row.slice,
      slice_label: !s ? '' : s.member ? `${s.dimension}${fr ? ' : ' : ': '}${member}` : s.dimension,
      value: roundedValue(row, decimals),
      status: words.status[row.status],
      complete: row.complete ? words.yesNo.yes : words.yesNo.no,
    };
  };
}
