import type { SeriesPoint } from '@ptce/shared/aggregate-series';
import type { Series } from '@ptce/shared/figures/figures';
import { indicatorOf } from '@ptce/shared/test-fixtures/catalogue.fixture';
import { describe, expect, it } from 'vitest';
import { type ComparedUnit, compareUnits, sortRows } from './comparison-rows';

/** A series from `period → [value, complete]`. */
const series = (points: Record<string, [number | null, boolean]>): Series =>
  new Map(
    Object.entries(points).map(([period, [value, complete]]): [string, SeriesPoint] => [
      period,
      { scope: 'x', indicator: 'x', slice: '', period, value, complete },
    ]),
  );
const unit = (slug: string, s: Series | undefined, before?: Series): ComparedUnit => ({
  slug,
  name: slug,
  tracked: s !== undefined,
  series: s,
  before,
});

const TONNES = indicatorOf('TE-DECHETS-COLLECTES');
const RATE = indicatorOf('TE-TAUX-VALORISATION');
const QUARTERS = ['2026Q1', '2026Q2', '2026Q3'];

describe('compareUnits', () => {
  it('compares every pole at the region’s last period with a value, against the quarter before', () => {
    const region = unit(
      '',
      series({ '2025Q4': [90, true], '2026Q1': [100, true], '2026Q2': [120, false] }),
    );
    const a = unit('a', series({ '2026Q1': [40, true], '2026Q2': [60, true] }));
    const b = unit('b', series({ '2026Q1': [60, true], '2026Q2': [60, false] }));
    const c = unit('c', undefined);
    const out = compareUnits(TONNES, 'quarter', QUARTERS, region, [a, b, c]);
    expect([out.period, out.previousPeriod]).toEqual(['2026Q2', '2026Q1']);
    expect(out.region).toMatchObject({ value: 120, previous: 100, complete: 1, periods: 3 });
    expect(out.region.change).toEqual({ mode: 'relative', value: 0.2 });
    expect(
      out.poles.map((r) => [
        r.slug,
        r.value,
        r.valueComplete,
        r.previous,
        r.change?.value ?? null,
        r.complete,
      ]),
    ).toEqual([
      ['a', 60, true, 40, 0.5, 2],
      ['b', 60, false, 60, 0, 1],
      ['c', null, false, null, null, 0],
    ]);
    expect(out.poles[0]!.spark).toEqual([40, 60, null]);
    expect(out.poles[2]!.tracked).toBe(false);
  });

  it('compares a year, cut by the range, with the same quarters a year earlier; a rate in points', () => {
    const years = series({ '2025': [40, true], '2026': [55.5, false] });
    const before = series({ '2025': [50, false] });
    const out = compareUnits(RATE, 'year', ['2025', '2026'], unit('', years, before), [
      unit('a', years, before),
    ]);
    expect([out.period, out.previousPeriod]).toEqual(['2026', '2025']);
    expect(out.poles[0]!.previous).toBe(50);
    expect(out.poles[0]!.change).toEqual({ mode: 'points', value: 5.5 });
  });

  it('falls back on the range’s last period when the region has no value at all', () => {
    const out = compareUnits(TONNES, 'quarter', QUARTERS, unit('', undefined), []);
    expect([out.period, out.region.value, out.region.change]).toEqual(['2026Q3', null, null]);
  });
});

describe('sortRows', () => {
  const rows = compareUnits(
    TONNES,
    'quarter',
    QUARTERS,
    unit('', series({ '2026Q3': [1, true] })),
    [
      unit('Élan', series({ '2026Q2': [10, true], '2026Q3': [30, true] })),
      unit('arc', series({ '2026Q2': [10, true], '2026Q3': [5, false] })),
      unit('Zéphyr', series({ '2026Q3': [30, true] })),
      unit('Béthune', undefined),
    ],
  ).poles;
  it.each<[Parameters<typeof sortRows>[1], Parameters<typeof sortRows>[2], string[]]>([
    ['value', 'descending', ['Élan', 'Zéphyr', 'arc', 'Béthune']],
    ['value', 'ascending', ['arc', 'Élan', 'Zéphyr', 'Béthune']],
    ['change', 'descending', ['Élan', 'arc', 'Béthune', 'Zéphyr']],
    ['change', 'ascending', ['arc', 'Élan', 'Béthune', 'Zéphyr']],
    ['complete', 'descending', ['Élan', 'arc', 'Zéphyr', 'Béthune']],
    ['name', 'ascending', ['arc', 'Béthune', 'Élan', 'Zéphyr']],
    ['name', 'descending', ['Zéphyr', 'Élan', 'Béthune', 'arc']],
  ])('by %s %s, rows without a number last', (key, dir, names) => {
    expect(sortRows(rows, key, dir, 'fr').map((r) => r.name)).toEqual(names);
  });
});
