import { describe, expect, it } from 'vitest';
import type { Cell } from './domain.types';
import { NARROW_NBSP } from './format';
import { shiftQuarterWithin } from './periods';
import { judgeBatch } from './rules.judge';
import { median, robustScore } from './rules.outliers';
import { catalogueFixture, POLE_GROUP_SLUGS } from './test-fixtures/catalogue.fixture';
import { issuesOf, run, SCOPES, T, v } from './test-fixtures/rules.fixture';

const S = '\u00a0';
const G = NARROW_NBSP;

/**
 * A series of one indicator's total: `value` at T and `history` before it, most recent first
 * (`history[0]` is the quarter before T, `history[3]` the same quarter last year); null = a
 * quarter without a value.
 */
function series(indicator: string, value: number, history: Array<number | null>): Cell[] {
  const cells = [v(indicator, value)];
  history.forEach((h, i) => {
    if (h !== null) cells.push(v(indicator, h, '', shiftQuarterWithin(T, -(i + 1))));
  });
  return cells;
}

const outliers = (cells: Cell[]) =>
  run(cells)
    .filter((i) => /^O\d$/.test(i.rule))
    .map((i) => i.rule);

describe('median and robustScore', () => {
  it.each([
    [[3], 3],
    [[4, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('scores |x − median| ÷ (1.4826 · MAD)', () => {
    // median 10, deviations 2 0 0 2 → MAD 1
    expect(robustScore(16, [8, 10, 10, 12])).toBeCloseTo(6 / 1.4826, 10);
    expect(robustScore(10, [8, 10, 10, 12])).toBe(0);
  });

  it('falls back on the mean absolute deviation when the MAD is 0, Infinity when constant', () => {
    // median 0, MAD 0, mean absolute deviation 3 ÷ 8
    expect(robustScore(3, [0, 0, 0, 0, 3, 0, 0, 0])).toBeCloseTo(3 / (1.2533141 * 0.375), 5);
    expect(robustScore(105, [100, 100, 100, 100])).toBe(Number.POSITIVE_INFINITY);
    expect(robustScore(100, [100, 100, 100, 100])).toBe(0);
  });
});

describe('O1–O3 outlier warnings: table', () => {
  const steady = [100, 104, 98, 101, 99, 103, 97, 102];
  it.each([
    // [what, indicator, value, history (most recent first), rules fired]
    ['a steady series, a usual value', 'TE-SENSIBILISATION-PERSONNES', 105, steady, []],
    ['a steady series, ×10', 'TE-SENSIBILISATION-PERSONNES', 1000, steady, ['O1', 'O2', 'O3']],
    [
      'a steady series, ÷3 and more',
      'TE-SENSIBILISATION-PERSONNES',
      30,
      steady,
      ['O1', 'O2', 'O3'],
    ],
    ['a steady series, ÷2.5: O1 only', 'TE-SENSIBILISATION-PERSONNES', 40, steady, ['O1']],
    ['exactly ×3 is not beyond', 'TE-SENSIBILISATION-PERSONNES', 300, [100], []],
    ['constant, then a small change', 'PTCE-MEMBRES', 16, [15, 15, 15, 15, 15, 15, 15, 15], []],
    ['constant, then +5 %', 'TE-SENSIBILISATION-PERSONNES', 105, [100, 100, 100, 100], []],
    [
      'constant, then ×10',
      'PTCE-MEMBRES',
      150,
      [15, 15, 15, 15, 15, 15, 15, 15],
      ['O1', 'O2', 'O3'],
    ],
    [
      'short (3 quarters): no O1, ×10 still O2',
      'TE-SENSIBILISATION-PERSONNES',
      1000,
      [100, 90, 110],
      ['O2'],
    ],
    ['short (1 quarter), ÷4 drop', 'TE-SENSIBILISATION-PERSONNES', 25, [100], ['O2']],
    ['no history at all', 'TE-SENSIBILISATION-PERSONNES', 1000, [], []],
    [
      'trending up, next step',
      'TE-SENSIBILISATION-PERSONNES',
      180,
      [170, 160, 150, 140, 130, 120, 110, 100],
      [],
    ],
    [
      'trending up, ×10 the last',
      'TE-SENSIBILISATION-PERSONNES',
      1700,
      [170, 160, 150, 140, 130, 120, 110, 100],
      ['O1', 'O2', 'O3'],
    ],
    [
      'skewed, a value within its range',
      'TE-SENSIBILISATION-PERSONNES',
      90,
      [12, 15, 11, 80, 14, 13, 95, 12],
      [],
    ],
    [
      'skewed, back down to usual after a peak',
      'TE-SENSIBILISATION-PERSONNES',
      12,
      [95, 15, 11, 80, 14, 13, 12, 12],
      [],
    ],
    [
      'skewed, 3 × its largest value',
      'TE-SENSIBILISATION-PERSONNES',
      300,
      [12, 15, 11, 80, 14, 13, 95, 12],
      ['O1', 'O2', 'O3'],
    ],
    ['zero-heavy, 0 → 2 (small count)', 'PTCE-EVENEMENTS', 2, [0, 0, 0, 0, 3, 0, 0, 0], []],
    [
      'zero-heavy, 0 → 500',
      'TE-SENSIBILISATION-PERSONNES',
      500,
      [0, 0, 0, 0, 3, 0, 0, 0],
      ['O1', 'O2', 'O3'],
    ],
    [
      'zero-heavy lumpy grants, another grant',
      'PTCE-FIN-PUBLICS',
      38_000,
      [0, 0, 40_000, 0, 0, 35_000, 0, 0],
      [],
    ],
    ['lumpy grants, back to 0', 'PTCE-FIN-PUBLICS', 0, [40_000, 0, 0, 35_000, 0, 0, 0, 42_000], []],
    [
      'lumpy grants, ×10 the largest',
      'PTCE-FIN-PUBLICS',
      400_000,
      [0, 0, 40_000, 0, 0, 35_000, 0, 0],
      ['O1', 'O2', 'O3'],
    ],
    ['small counts, 2 → 9 (×4.5 but 7 events)', 'PTCE-EVENEMENTS', 9, [2], []],
    ['small counts, 3 → 25 (22 events)', 'PTCE-EVENEMENTS', 25, [3], ['O2']],
    ['persons, 4 → 20 (16 persons)', 'TE-SENSIBILISATION-PERSONNES', 20, [4, 5, 3, 6], []],
    ['hours, 100 → 450 h (350 h)', 'MS-HEURES-INSERTION', 450, [100], []],
    ['hours, 1 000 → 4 000 h', 'MS-HEURES-INSERTION', 4000, [1000], ['O2']],
  ] as const)('%s', (_what, indicator, value, history, expected) => {
    expect(outliers(series(indicator, value, [...history]))).toEqual(expected);
  });

  it('O1 counts entered quarters only, looking back 12 quarters', () => {
    const gappy = [null, 100, null, 100, null, null, 100, null, null, null, null, 100];
    const issue = issuesOf('O1', series('TE-SENSIBILISATION-PERSONNES', 1000, gappy))[0];
    expect(issue?.params).toMatchObject({ median: 100, quarters: 4, value: 1000 });
    // The fourth entered quarter 13 quarters back is not read: 3 entered, no O1.
    const older = [null, 100, null, 100, null, null, 100, null, null, null, null, null, 100];
    expect(issuesOf('O1', series('TE-SENSIBILISATION-PERSONNES', 1000, older))).toEqual([]);
  });

  it('O1 reads the last 8 entered quarters, not more', () => {
    const history = [100, 100, 100, 100, 100, 100, 100, 100, 1000, 1000, 1000];
    const issue = issuesOf('O1', series('TE-SENSIBILISATION-PERSONNES', 1000, history))[0];
    expect(issue?.params).toMatchObject({ median: 100, quarters: 8 });
  });

  it('O2 and O3 need the quarter they compare with to be entered', () => {
    expect(outliers(series('TE-SENSIBILISATION-PERSONNES', 1000, [null, 100, 100]))).toEqual([]);
    expect(outliers(series('TE-SENSIBILISATION-PERSONNES', 1000, [null, null, null, 100]))).toEqual(
      ['O3'],
    );
  });

  it('judges totals only, on entered indicators of the scopes tracking them', () => {
    const slices = [
      v('DS-ENTREES-ACCOMPAGNEMENT', 400, 'sex=femme'),
      v('DS-ENTREES-ACCOMPAGNEMENT', 40, 'sex=femme', shiftQuarterWithin(T, -1)),
    ];
    expect(outliers(slices)).toEqual([]);
    const untracked = SCOPES.map((s) => ({ ...s, indicators: [] }));
    const cells = series('TE-SENSIBILISATION-PERSONNES', 1000, [100]);
    expect(run(cells, { scopes: untracked })).toEqual([]);
  });

  it('quotes the history in both languages with the catalogue decimals and unit', () => {
    const cells = series('PTCE-EMPLOIS-MEMBRES', 1234.5, [88.8, 88.8, 88.8, 88.8, 88.8, 88.8]);
    const [o1, o2, o3] = run(cells).filter((i) => /^O\d$/.test(i.rule));
    expect(o1).toMatchObject({
      rule: 'O1',
      severity: 'warning',
      scope: 'pole',
      period: T,
      slice: '',
      cells: [{ scope: 'pole', indicator: 'PTCE-EMPLOIS-MEMBRES', slice: '' }],
      params: { indicator: 'PTCE-EMPLOIS-MEMBRES', value: 1234.5, median: 88.8, quarters: 6 },
      messageFr: `Emplois des structures membres${S}: 1${G}234,5${S}ETP, très au-dessus de la médiane des 6 derniers trimestres saisis (88,8${S}ETP).`,
      messageEn: `Jobs in member organisations: 1,234.5${S}FTE, far above the median of the last 6 entered quarters (88.8${S}FTE).`,
    });
    expect(o2?.messageFr).toBe(
      `Emplois des structures membres${S}: 1${G}234,5${S}ETP, plus du triple du trimestre précédent (88,8${S}ETP).`,
    );
    expect(o2?.params).toMatchObject({ reference: 88.8, referencePeriod: '2025Q1' });
    expect(o3?.messageEn).toBe(
      `Jobs in member organisations: 1,234.5${S}FTE, more than three times the same quarter last year (88.8${S}FTE).`,
    );
    expect(o3?.params).toMatchObject({ reference: 88.8, referencePeriod: '2024Q2' });
  });

  it('says "below" for a drop', () => {
    const [o1, o2] = run(
      series('PTCE-RESSOURCES-TOTALES', 5000, [60_000, 61_000, 59_000, 60_500]),
    ).filter((i) => /^O\d$/.test(i.rule));
    expect(o1?.messageFr).toBe(
      `Ressources totales du pôle${S}: 5${G}000,00${S}€, très en dessous de la médiane des 4 derniers trimestres saisis (60${G}250,00${S}€).`,
    );
    expect(o2?.messageEn).toBe(
      `Total resources: 5,000.00${S}€, less than a third of last quarter’s value (60,000.00${S}€).`,
    );
  });
});

describe('outlier warnings in the judge', () => {
  const base = series('TE-SENSIBILISATION-PERSONNES', 100, [100, 100, 100, 100, 100]);
  const judge = (value: number | null, indicator = 'TE-SENSIBILISATION-PERSONNES') =>
    judgeBatch({
      catalogue: catalogueFixture,
      scopes: SCOPES,
      poleGroupSlugs: POLE_GROUP_SLUGS,
      period: T,
      next: null,
      base,
      changes: [{ scope: 'transition-ecologique', indicator, slice: '', value }],
    });

  it('come back as warnings of the batch that types the value, never blocking', () => {
    const { warnings, blocking, overridden } = judge(1000);
    expect(warnings.map((w) => w.rule)).toEqual(['O1', 'O2', 'O3']);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(blocking).toEqual([]);
    expect(overridden).toEqual([]);
  });

  it('do not concern a batch that leaves the value alone', () => {
    const stored = [...base.filter((c) => c.period !== T), v('TE-SENSIBILISATION-PERSONNES', 1000)];
    const { judged, warnings } = judgeBatch({
      catalogue: catalogueFixture,
      scopes: SCOPES,
      poleGroupSlugs: POLE_GROUP_SLUGS,
      period: T,
      next: null,
      base: stored,
      changes: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', slice: '', value: 3 }],
    });
    expect(judged.filter((j) => j.issue.rule === 'O1').map((j) => j.verdict)).toEqual([
      'unconcerned',
    ]);
    expect(warnings).toEqual([]);
  });

  it('go when the value is typed back to its usual level', () => {
    expect(judge(101).warnings).toEqual([]);
  });
});
