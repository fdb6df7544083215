import type { Catalogue, Indicator } from '@ptce/shared/catalogue.schema';
import { allowedSlices } from '@ptce/shared/slices';
import type { ValueRow } from '../db/database';
import type { ScopeRow } from '../poles/poles.repository';
import { cellLabel, unitLabel } from './template-layout';

/** One line of a scope's sheet: a cell of the quarter with its current state. */
export interface TemplateLine {
  indicator: Indicator;
  slice: string;
  label: string;
  unit: string;
  /** The current value, or null when none was entered (or it was cleared). */
  value: number | null;
  comment: string | null;
  /** The cell's version (0 when it was never written). */
  version: number;
}

/** The cell key used across the import: `scope|indicator|slice`. */
export const cellKey = (scope: string, indicator: string, slice: string) =>
  `${scope}|${indicator}|${slice}`;

/**
 * The lines of every scope's sheet: each tracked, entered indicator (ratios and retired ones
 * left out) in tracking order, its total then each allowed slice for the pole's groups.
 * `rows` are the quarter's value rows (tombstones included, for their versions).
 * @returns scope slug → lines.
 */
export function templateLines(
  catalogue: Catalogue,
  retired: ReadonlySet<string>,
  scopes: ScopeRow[],
  rows: ValueRow[],
): Map<string, TemplateLine[]> {
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const slugOf = new Map(scopes.map((s) => [s.id, s.slug]));
  const groups = scopes.filter((s) => s.kind === 'group');
  const groupNames = new Map(groups.map((g) => [g.slug, g.name]));
  const groupSlugs = groups.map((g) => g.slug);
  const current = new Map<string, ValueRow>();
  for (const r of rows) current.set(cellKey(slugOf.get(r.group_id)!, r.indicator_code, r.slice), r);

  const out = new Map<string, TemplateLine[]>();
  for (const scope of scopes) {
    const lines: TemplateLine[] = [];
    for (const code of scope.indicators) {
      const indicator = byCode.get(code);
      if (!indicator || indicator.kind === 'ratio' || retired.has(code)) continue;
      for (const slice of allowedSlices(indicator, catalogue.dimensions, groupSlugs)) {
        const row = current.get(cellKey(scope.slug, code, slice));
        lines.push({
          indicator,
          slice,
          label: cellLabel(indicator, slice, catalogue.dimensions, groupNames),
          unit: unitLabel(indicator.unit),
          value: row?.value ?? null,
          comment: row?.value === null ? null : (row?.comment ?? null),
          version: row?.version ?? 0,
        });
      }
    }
    out.set(scope.slug, lines);
  }
  return out;
}
