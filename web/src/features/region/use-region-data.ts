import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import type { Scope } from '@ptce/shared/poles.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCatalogue } from '../../api/catalogue';
import { regionValuesQuery } from '../../api/regions';
import { combineQueries } from '../../lib/combine-queries';
import { useSettled } from '../../lib/use-settled';
import { fetchStart } from '../dashboard/chart-data';
import { type FiguresData, yearEarlier } from '../dashboard/use-dashboard-data';
import { toSeriesIndex, type UnitSeries, unitSeries } from './region-series';

/** A pole of the region with its series by quarter and by year. */
interface RegionPole {
  slug: string;
  name: string;
  territory: string;
  /** Indicators some scope of the pole tracks. */
  tracked: ReadonlySet<string>;
  quarterly: UnitSeries;
  years: UnitSeries;
  yearsBefore: UnitSeries;
}

/** The region's figures as the tiles and trends read them, its sections and its poles. */
export interface RegionData extends FiguresData {
  region: { code: string; name: string };
  /** The region's indicators grouped by catalogue theme, each group shown as a section. */
  sections: Scope[];
  total: { quarterly: UnitSeries; years: UnitSeries; yearsBefore: UnitSeries };
  poles: RegionPole[];
  /** The indicators the poles' series hold (the compared one once its answer is in). */
  poleIndicators: ReadonlySet<string>;
}

/**
 * Loads a region's figures for `from`…`to`: by quarter from Q1 of the year before (the tiles
 * compare with last year), by year over the range and over the same range a year earlier (the
 * yearly chart and comparison). Every number is the server's, computed by the shared engine as
 * the region-level and pole-level exports; while a new range loads the previous one stays.
 * The poles' series hold the `compared` indicator only (without it, every indicator).
 */
export function useRegionData(
  region: string,
  from: Quarter,
  to: Quarter,
  /** The compared indicator: the poles' series are asked for it only (nothing is asked before it is known). */
  compared: string | undefined,
) {
  const catalogueQ = useCatalogue();
  const earlier = yearEarlier(from, to);
  const hasEarlier = earlier !== null;
  const keep = { placeholderData: keepPreviousData };
  const quarterQ = useQuery({
    ...regionValuesQuery(region, {
      from: fetchStart(from),
      to,
      by: 'quarter',
      indicators: compared,
    }),
    enabled: compared !== undefined,
    ...keep,
  });
  const yearQ = useQuery({
    ...regionValuesQuery(region, { from, to, by: 'year', indicators: compared }),
    enabled: compared !== undefined,
    ...keep,
  });
  const beforeQ = useQuery({
    ...regionValuesQuery(region, {
      from: earlier?.from ?? from,
      to: earlier?.to ?? to,
      by: 'year',
      indicators: compared,
    }),
    enabled: earlier !== null && compared !== undefined,
    ...keep,
  });

  const fresh = useMemo((): RegionData | undefined => {
    const catalogue = catalogueQ.data;
    const q = quarterQ.data;
    const y = yearQ.data;
    const b = hasEarlier ? beforeQ.data : undefined;
    if (!catalogue || !q || !y || (hasEarlier && !b)) return undefined;
    const theme = themeOf(catalogue);
    const unit = (answer: typeof q | undefined, slug: string | null) => {
      if (!answer) return new Map() as UnitSeries;
      const found = slug === null ? answer.total : answer.poles.find((p) => p.slug === slug);
      return unitSeries(answer.periods, found?.series ?? [], (code) => slug ?? theme(code));
    };
    const total = { quarterly: unit(q, null), years: unit(y, null), yearsBefore: unit(b, null) };
    return {
      range: { from, to },
      catalogue,
      figures: {
        quarterly: toSeriesIndex(total.quarterly, theme),
        yearly: toSeriesIndex(total.years, theme),
        // Read for a target's progress only, and a region has no targets.
        ytd: () => null,
      },
      years: toSeriesIndex(total.years, theme),
      yearsBefore: toSeriesIndex(total.yearsBefore, theme),
      targetOf: () => null,
      hasTargets: false,
      region: q.region,
      sections: sections(
        catalogue,
        q.total.series.map((s) => s.indicator),
      ),
      total,
      poleIndicators: new Set(
        [q, y, b].every((a) => !a || a.poles.length === 0)
          ? catalogue.indicators.map((i) => i.code)
          : indicatorsOfPoles([q, y, ...(b ? [b] : [])]),
      ),
      poles: q.poles.map((p) => ({
        slug: p.slug,
        name: p.name,
        territory: p.territory,
        tracked: new Set(p.series.filter((s) => s.tracked).map((s) => s.indicator)),
        quarterly: unit(q, p.slug),
        years: unit(y, p.slug),
        yearsBefore: unit(b, p.slug),
      })),
    };
  }, [catalogueQ.data, quarterQ.data, yearQ.data, beforeQ.data, hasEarlier, from, to]);
  const settled =
    !quarterQ.isPlaceholderData && !yearQ.isPlaceholderData && !beforeQ.isPlaceholderData;
  const data = useSettled(fresh, settled);
  return combineQueries(data, [catalogueQ, quarterQ, yearQ, beforeQ]);
}

/** The indicators every one of the answers holds in its poles' series. */
function indicatorsOfPoles(
  answers: Array<{ poles: Array<{ series: Array<{ indicator: string }> }> }>,
) {
  const [first, ...rest] = answers.map(
    (a) => new Set(a.poles.flatMap((p) => p.series.map((s) => s.indicator))),
  );
  return [...(first ?? [])].filter((code) => rest.every((set) => set.has(code)));
}

/** The catalogue theme of each indicator code. */
function themeOf(catalogue: Catalogue): (code: string) => string {
  const map = new Map(catalogue.indicators.map((i) => [i.code, i.theme]));
  return (code) => map.get(code) ?? 'autre';
}

/** The region's indicators as one section per theme, themes and indicators in catalogue order. */
function sections(catalogue: Catalogue, codes: readonly string[]): Scope[] {
  const shown = new Set(codes);
  const out = new Map<string, Scope>();
  for (const i of catalogue.indicators) {
    if (!shown.has(i.code)) continue;
    let s = out.get(i.theme);
    if (!s) {
      s = { slug: i.theme, name: i.theme, kind: 'group', indicators: [] };
      out.set(i.theme, s);
    }
    s.indicators.push(i.code);
  }
  return [...out.values()];
}
