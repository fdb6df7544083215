import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { formatNumber, formatValue } from '@ptce/shared/format';
import type { Scope } from '@ptce/shared/poles.schema';
import { allowedSlices } from '@ptce/shared/slices';
import { type Lang, labelIn } from '../../lib/format';

/** Names of scopes, indicators and slices as the history shows them. */
export interface HistoryLabels {
  scope: (slug: string) => string;
  indicator: (code: string) => string;
  /** A value of the indicator with its catalogue decimals and unit (`13 700,50 €`). */
  value: (code: string, value: number) => string;
  /** `Sexe : Femmes` for `sex=femme`; the raw key when unknown; '' for the total. */
  slice: (slice: string) => string;
  /** The slices of an indicator for the pole, total first. */
  slicesOf: (code: string) => string[];
}

export function historyLabels(catalogue: Catalogue, scopes: Scope[], lang: Lang): HistoryLabels {
  const indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const dimensions = new Map(catalogue.dimensions.map((d) => [d.code, d]));
  const groups = scopes.filter((s) => s.kind === 'group');
  const sep = lang === 'fr' ? ' : ' : ': ';
  return {
    scope: (slug) => scopes.find((s) => s.slug === slug)?.name ?? slug,
    indicator: (code) => {
      const i = indicators.get(code);
      return i ? labelIn(i, lang) : code;
    },
    value: (code, value) => {
      const i = indicators.get(code);
      return i ? formatValue(value, i, lang) : formatNumber(value, lang);
    },
    slice: (slice) => {
      if (slice === '') return '';
      const [dim = '', member = ''] = slice.split('=');
      const d = dimensions.get(dim);
      if (!d) return slice;
      const m = d.members.find((x) => x.code === member);
      const name = m ? labelIn(m, lang) : (groups.find((g) => g.slug === member)?.name ?? member);
      return `${labelIn(d, lang)}${sep}${name}`;
    },
    slicesOf: (code) => {
      const i = indicators.get(code);
      if (!i) return [''];
      return allowedSlices(
        i,
        catalogue.dimensions,
        groups.map((g) => g.slug),
      );
    },
  };
}
