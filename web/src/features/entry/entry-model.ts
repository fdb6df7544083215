import type { Catalogue, Dimension, Indicator } from '@ptce/shared/catalogue.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { dimensionMembers } from '@ptce/shared/slices';
import type { StoredValue } from '@ptce/shared/values.schema';
import { type Lang, labelIn } from '../../lib/format';

/** What the grid knows of a stored cell of the entered quarter (version 0 = never stored). */
export interface BaseCell {
  value: number | null;
  comment: string | null;
  overrideReason: string | null;
  version: number;
}

export const EMPTY_BASE: BaseCell = {
  value: null,
  comment: null,
  overrideReason: null,
  version: 0,
};

/** Key of a cell within one scope and quarter: `indicator|slice` (`''` = the total). */
export const cellKey = (indicator: string, slice: string) => `${indicator}|${slice}`;

/** A breakdown slice of a row, with the names the screen shows. */
interface SliceModel {
  slice: string;
  memberLabel: string;
}

interface DimensionModel {
  code: string;
  label: string;
  slices: SliceModel[];
}

/** One row of the grid: a tracked indicator and its breakdowns (none for ratios). */
export interface RowModel {
  indicator: Indicator;
  label: string;
  dimensions: DimensionModel[];
}

function dimensionModel(dim: Dimension, groups: Scope[], lang: Lang): DimensionModel {
  const members = dimensionMembers(
    dim,
    groups.map((g) => g.slug),
  );
  return {
    code: dim.code,
    label: labelIn(dim, lang),
    slices: members.map((member) => {
      const listed = dim.members.find((m) => m.code === member);
      const group = groups.find((g) => g.slug === member);
      return {
        slice: `${dim.code}=${member}`,
        memberLabel: listed ? labelIn(listed, lang) : (group?.name ?? member),
      };
    }),
  };
}

/**
 * The rows of a scope's grid, in the scope's order: each tracked indicator known to the
 * catalogue with its breakdown dimensions; working-group members are named after the pole's
 * groups.
 */
export function buildRows(
  catalogue: Catalogue,
  scope: Scope,
  scopes: Scope[],
  lang: Lang,
): RowModel[] {
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const groups = scopes.filter((s) => s.kind === 'group');
  const rows: RowModel[] = [];
  for (const code of scope.indicators) {
    const indicator = byCode.get(code);
    if (!indicator) continue;
    const dimensions = indicator.breakdowns
      .map((d) => catalogue.dimensions.find((x) => x.code === d))
      .filter((d): d is Dimension => d !== undefined)
      .map((d) => dimensionModel(d, groups, lang));
    rows.push({ indicator, label: labelIn(indicator, lang), dimensions });
  }
  return rows;
}

/** Every slice key of a row: the total first, then each dimension's members. */
export function rowSlices(row: RowModel): string[] {
  return ['', ...row.dimensions.flatMap((d) => d.slices.map((s) => s.slice))];
}

/** Stored values by period, then by `indicator|slice`. */
export function indexByPeriod(values: StoredValue[]): Map<string, Map<string, StoredValue>> {
  const out = new Map<string, Map<string, StoredValue>>();
  for (const v of values) {
    let m = out.get(v.period);
    if (!m) {
      m = new Map();
      out.set(v.period, m);
    }
    m.set(cellKey(v.indicator, v.slice), v);
  }
  return out;
}

/** The stored value as a base cell, unless a newer one is known locally (a save, a conflict). */
export function mergeBase(stored: StoredValue | undefined, local: BaseCell | undefined): BaseCell {
  const server: BaseCell = stored
    ? {
        value: stored.value,
        comment: stored.comment,
        overrideReason: stored.overrideReason,
        version: stored.version,
      }
    : EMPTY_BASE;
  return local && local.version > server.version ? local : server;
}
