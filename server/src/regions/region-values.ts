import type { AggregateRow, Granularity } from '@ptce/shared/aggregation/aggregation.types';
import { GroupAggregator } from '@ptce/shared/aggregation/group-aggregator';
import { type Catalogue, TOTAL_SLICE } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import { getOrInsert } from '@ptce/shared/map-utils';
import type { IndicatorSeries, RegionValuesResponse } from '@ptce/shared/region-values.schema';
import { ratioTermSlices } from '@ptce/shared/slices';
import type { Db } from '../db/database';
import { decimalsOf, roundedValue } from '../exports/row-format';
import type { ScopeRow } from '../poles/poles.repository';
import { findTotalCells, type RegionCell, type RegionPole } from './regions.repository';

export interface RegionValuesInput {
  catalogue: Catalogue;
  region: { code: string; name: string };
  /** The region's poles by slug, each with its scopes in their order (findScopes'). */
  poles: Array<{ pole: RegionPole; scopes: ScopeRow[] }>;
  from: Quarter;
  to: Quarter;
  by: Granularity;
  /** Only these indicators in the poles' series (all when absent); the total keeps all. */
  indicators?: readonly string[] | undefined;
}

/**
 * The region dashboard's figures: the rows of the region-level and pole-level exports over the
 * same range, totals only, from one pass over the entered totals and the slices ratios read.
 * Both engines are fed exactly as the export feeds its own (poles by slug, scopes in their
 * order, each scope a member), so every sum is made in the same order and every number, once
 * rounded to the catalogue's decimals, is the export's. Workflow states are not read: the
 * rows' `status` is not part of the answer and no number depends on it.
 */
export async function regionValues(
  db: Db,
  input: RegionValuesInput,
): Promise<RegionValuesResponse> {
  const { catalogue, by, from, to } = input;
  const region = new GroupAggregator(catalogue, { by, from, to });
  const perPole = new GroupAggregator(catalogue, { by, from, to });
  const [lo, hi] = region.buckets.range;
  const poleIds = input.poles.map((p) => p.pole.id);
  const groupIds = input.poles.flatMap((p) => p.scopes.map((s) => s.id));
  const cells = await findTotalCells(db, poleIds, groupIds, ratioTermSlices(catalogue), lo, hi);
  const byGroup = new Map<number, RegionCell[]>();
  for (const c of cells) getOrInsert(byGroup, c.group_id, () => []).push(c);

  const shape = shaper(catalogue, region.buckets.labels);
  region.begin({ region: input.region.code, pole: '', scope: '' });
  const tracked = new Set<string>();
  const poles: Array<{ pole: RegionPole; tracked: Set<string>; rows: AggregateRow[] }> = [];
  for (const { pole, scopes } of input.poles) {
    perPole.begin({ region: input.region.code, pole: pole.slug, scope: '' });
    const poleTracked = new Set<string>();
    for (const scope of scopes) {
      region.member(scope.indicators);
      perPole.member(scope.indicators);
      for (const code of scope.indicators) poleTracked.add(code);
      for (const c of byGroup.get(scope.id) ?? []) {
        region.cell(c.indicator_code, c.slice, c.period, c.value!);
        perPole.cell(c.indicator_code, c.slice, c.period, c.value!);
      }
    }
    for (const code of poleTracked) tracked.add(code);
    poles.push({ pole, tracked: poleTracked, rows: perPole.end() });
  }
  const total = region.end();
  const codes = indicatorCodes(catalogue, tracked, total);
  const kept = input.indicators ? new Set(input.indicators) : null;
  const poleCodes = kept ? codes.filter((code) => kept.has(code)) : codes;
  return {
    region: input.region,
    from,
    to,
    by,
    periods: region.buckets.labels,
    total: shape(total, codes, tracked),
    poles: poles.map(({ pole, tracked: own, rows }) => ({
      slug: pole.slug,
      name: pole.name,
      territory: pole.territory,
      ...shape(rows, poleCodes, own),
    })),
  };
}

/** The catalogue's codes (catalogue order) that are tracked or have a row. */
function indicatorCodes(catalogue: Catalogue, tracked: Set<string>, rows: AggregateRow[]) {
  const present = new Set(rows.map((r) => r.indicator));
  return catalogue.indicators
    .map((i) => i.code)
    .filter((code) => tracked.has(code) || present.has(code));
}

/** Turns a group's export rows into one series per indicator of `codes`, aligned on `labels`. */
function shaper(catalogue: Catalogue, labels: string[]) {
  const decimals = decimalsOf(catalogue);
  const position = new Map(labels.map((label, i) => [label, i]));
  return (rows: AggregateRow[], codes: string[], tracked: Set<string>) => {
    const series = new Map<string, IndicatorSeries>(
      codes.map((code) => [
        code,
        {
          indicator: code,
          tracked: tracked.has(code),
          values: labels.map(() => null),
          complete: labels.map(() => false),
        },
      ]),
    );
    for (const row of rows) {
      const s = row.slice === TOTAL_SLICE ? series.get(row.indicator) : undefined;
      if (!s) continue;
      const at = position.get(row.period)!;
      s.values[at] = roundedValue(row, decimals(row.indicator));
      s.complete[at] = row.complete;
    }
    return { series: [...series.values()] };
  };
}
