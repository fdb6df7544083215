import { describe, expect, it } from 'vitest';
import type { Cell } from '../domain.types';
import { catalogueFixture, indicatorOf } from '../test-fixtures/catalogue.fixture';
import { buildFigures } from './figures';
import { changeAgainst, latestStats, statsAt, targetProgress } from './indicator-stats';

const S = 'transition-ecologique';
const c = (indicator: string, period: string, value: number, slice = ''): Cell => ({
  scope: S,
  indicator,
  period,
  slice,
  value,
});

// Two years of one scope: flows with a gap (2025Q3), a stock, a ratio with a missing
// denominator (2025Q3), a zero base (2024Q2 actions), slices for the QPV share.
const CELLS: Cell[] = [
  ...[10, 20, 30, 40].map((v, i) => c('TE-DECHETS-COLLECTES', `2024Q${i + 1}`, v)),
  c('TE-DECHETS-COLLECTES', '2025Q1', 40),
  c('TE-DECHETS-COLLECTES', '2025Q2', 60),
  c('TE-DECHETS-COLLECTES', '2025Q4', 50),
  ...[1, 2, 3, 4].map((v, i) => c('TE-DECHETS-REEMPLOI', `2024Q${i + 1}`, v)),
  c('TE-DECHETS-REEMPLOI', '2025Q1', 10),
  c('TE-DECHETS-REEMPLOI', '2025Q2', 30),
  c('TE-DECHETS-REEMPLOI', '2025Q3', 99), // its denominator was not entered
  c('TE-DECHETS-RECYCLES', '2025Q2', 0),
  c('TE-SENSIBILISATION-ACTIONS', '2024Q2', 0),
  c('TE-SENSIBILISATION-ACTIONS', '2025Q2', 4),
  ...[15, 16, 16, 18, 20, 21].map((v, i) =>
    c('PTCE-MEMBRES', `${2024 + Math.floor(i / 4)}Q${(i % 4) + 1}`, v),
  ),
  c('DS-ENTREES-ACCOMPAGNEMENT', '2024Q2', 40),
  c('DS-ENTREES-ACCOMPAGNEMENT', '2024Q2', 10, 'residence=qpv'),
  c('DS-ENTREES-ACCOMPAGNEMENT', '2025Q2', 47),
  c('DS-ENTREES-ACCOMPAGNEMENT', '2025Q2', 26, 'residence=qpv'),
  c('DS-ENTREES-ACCOMPAGNEMENT', '2025Q1', 30),
  c('DS-ENTREES-ACCOMPAGNEMENT', '2025Q1', 9, 'residence=qpv'),
];
const figures = buildFigures(catalogueFixture, CELLS, { from: '2024Q1', to: '2025Q4' });
const targets: Record<string, number> = {
  'TE-DECHETS-COLLECTES': 200,
  'TE-TAUX-VALORISATION': 50,
  'PTCE-MEMBRES': 25,
  'TE-SENSIBILISATION-ACTIONS': 0,
};
const stats = (code: string, period: string) =>
  statsAt(figures, S, indicatorOf(code), period, (y) =>
    y === 2025 ? (targets[code] ?? null) : null,
  );

// [case, indicator, period, value, lastYear, change, ytd, ytdComplete, progress]
type Row = [
  string,
  string,
  string,
  number | null,
  number | null,
  object | null,
  number | null,
  boolean,
  number | null,
];
// biome-ignore format: one case per line
const CASES: Row[] = [
  ['flow: relative change, year to date summed', 'TE-DECHETS-COLLECTES', '2025Q2', 60, 20, { mode: 'relative', value: 2 }, 100, true, 0.5],
  ['flow: a gap has no value, the year to date keeps counting', 'TE-DECHETS-COLLECTES', '2025Q3', null, 30, null, 100, false, 0.5],
  ['flow: the year to date after a gap', 'TE-DECHETS-COLLECTES', '2025Q4', 50, 40, { mode: 'relative', value: 0.25 }, 150, false, 0.75],
  ['flow: no change on a zero base', 'TE-SENSIBILISATION-ACTIONS', '2025Q2', 4, 0, null, 4, false, null],
  ['stock: its year to date is the quarter itself', 'PTCE-MEMBRES', '2025Q2', 21, 16, { mode: 'relative', value: 5 / 16 }, 21, true, 21 / 25],
  ['stock: not entered, no year to date', 'PTCE-MEMBRES', '2025Q3', null, 16, null, null, false, null],
  ['ratio: in points, Σ num ÷ Σ den', 'TE-TAUX-VALORISATION', '2025Q2', 50, 10, { mode: 'points', value: 40 }, 40, false, 0.8],
  ['ratio: numerator without denominator gives no value', 'TE-TAUX-VALORISATION', '2025Q3', null, 10, null, 40, false, 0.8],
  // figures hold the exported numbers (catalogue decimals): 26 ÷ 47 → 55,3 %; the change is 55,3 − 25,0
  ['ratio on a slice (QPV share), rounded as exported', 'DS-PART-QPV', '2025Q2', 55.3, 25, { mode: 'points', value: 30.3 }, 45.5, true, null],
];

describe('statsAt: the one set of indicator statistics', () => {
  it.each(CASES)('%s', (_n, code, period, value, lastYear, change, ytd, ytdComplete, progress) => {
    const s = stats(code, period);
    const close = (a: number | null, b: number | null) =>
      b === null ? expect(a).toBeNull() : expect(a).toBeCloseTo(b, 9);
    close(s.value, value);
    close(s.lastYear.value, lastYear);
    if (change === null) expect(s.change).toBeNull();
    else {
      expect(s.change?.mode).toBe((change as { mode: string }).mode);
      close(s.change!.value, (change as { value: number }).value);
    }
    close(s.ytd, ytd);
    expect(s.ytdComplete).toBe(ytdComplete);
    close(s.progress, progress);
  });

  it('names the quarter before and the same quarter last year', () => {
    const s = stats('TE-DECHETS-COLLECTES', '2025Q1');
    expect(s.previous).toEqual({ period: '2024Q4', value: 40 });
    expect(s.lastYear).toEqual({ period: '2024Q1', value: 10 });
    expect(s.year).toBe(2025);
  });
});

describe('latestStats (a dashboard tile)', () => {
  const tile = (code: string, from: string, to: string) =>
    latestStats(figures, S, indicatorOf(code), { from, to }, (y) => (y === 2025 ? 200 : null));

  it('reads the last quarter of the range with a value, and its sparkline', () => {
    const t = tile('TE-DECHETS-COLLECTES', '2025Q1', '2025Q3');
    expect(t.latest?.period).toBe('2025Q2');
    expect(t.latest?.value).toBe(60);
    expect(t.spark).toEqual([40, 60, null]);
    expect([t.year, t.target]).toEqual([2025, 200]);
  });

  it('has no latest value when nothing was entered, and reads the target of the range end', () => {
    const t = tile('TE-DECHETS-RECYCLES', '2025Q3', '2025Q4');
    expect(t).toEqual({ latest: null, year: 2025, target: 200, spark: [null, null] });
  });
});

describe('changeAgainst and targetProgress', () => {
  it.each([
    [12, 10, 'tonnes', { mode: 'relative', value: 0.2 }],
    [8, -10, 'eur', { mode: 'relative', value: 1.8 }],
    [5, 0, 'count', null],
    [55, 42, 'percent', { mode: 'points', value: 13 }],
    [55, 0, 'percent', { mode: 'points', value: 55 }],
    [null, 3, 'count', null],
    [3, null, 'count', null],
  ] as const)('%s against %s (%s) → %j', (value, base, unit, expected) => {
    expect(changeAgainst(value, base, unit)).toEqual(expected);
  });

  it.each([
    [50, 200, 0.25],
    [50, 0, null],
    [null, 200, null],
    [50, null, null],
  ] as const)('%s of %s → %s', (ytd, target, expected) => {
    expect(targetProgress(ytd, target)).toBe(expected);
  });
});
