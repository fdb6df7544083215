import { describe, expect, it } from 'vitest';
import type { PeriodStatus } from '../periods.schema';
import { catalogueFixture } from '../test-fixtures/catalogue.fixture';
import type { AggregateRow, Granularity } from './aggregation.types';
import { GroupAggregator } from './group-aggregator';

type Cells = Array<[indicator: string, slice: string, period: string, value: number]>;
interface Member {
  tracked: string[];
  cells: Cells;
}
const TE = [
  'TE-DECHETS-COLLECTES',
  'TE-DECHETS-REEMPLOI',
  'TE-DECHETS-RECYCLES',
  'TE-TAUX-VALORISATION',
];
const ALL_Q = (y: number) => [1, 2, 3, 4].map((q) => `${y}Q${q}`);

/** Runs one group with members (scopes) and poles' statuses; returns its rows. */
function run(
  by: Granularity,
  members: Member[],
  statuses: Array<Record<string, PeriodStatus>> = [{}],
): AggregateRow[] {
  const engine = new GroupAggregator(catalogueFixture, { by, from: '2025Q1', to: '2025Q4' });
  engine.begin({ region: 'HDF', pole: 'p', scope: 's' });
  for (const m of members) {
    engine.member(m.tracked);
    for (const [i, s, p, v] of m.cells) engine.cell(i, s, p, v);
  }
  for (const st of statuses) engine.pole((q) => st[q] ?? 'draft');
  return engine.end();
}
const pick = (rows: AggregateRow[], indicator: string, period: string, slice = '') =>
  rows.find((r) => r.indicator === indicator && r.period === period && r.slice === slice);

const full = (indicator: string, values: number[], slice = ''): Cells =>
  values.map((v, i) => [indicator, slice, `2025Q${i + 1}`, v]);
const one: Member = {
  tracked: [...TE, 'PTCE-MEMBRES'],
  cells: [
    ...full('TE-DECHETS-COLLECTES', [10, 20, 30, 40]),
    ...full('TE-DECHETS-REEMPLOI', [5, 5, 5]), // Q4 missing
    ...full('TE-DECHETS-RECYCLES', [1, 1, 1, 1]),
    ...full('TE-DECHETS-COLLECTES', [4, 8, 12, 16], 'waste_stream=mobilier'),
    ...full('TE-DECHETS-COLLECTES', [6, 12, 18, 24], 'waste_stream=non_renseigne'),
    ...full('PTCE-MEMBRES', [15, 16, 16, 18]),
  ],
};
const two: Member = {
  tracked: [...TE, 'PTCE-MEMBRES'],
  cells: [
    ...full('TE-DECHETS-COLLECTES', [0, 0, 0, 0]),
    ...full('TE-DECHETS-REEMPLOI', [0, 0, 0, 0]),
    ...full('PTCE-MEMBRES', [10, 10, 11]),
  ],
};

const three: Member = {
  tracked: [...TE],
  cells: [
    ['TE-DECHETS-COLLECTES', '', '2025Q1', 30],
    ['TE-DECHETS-REEMPLOI', '', '2025Q1', 3],
    ['TE-DECHETS-RECYCLES', '', '2025Q1', 3],
  ],
};

// [case, granularity, members, indicator, period, slice, value, complete]
const CASES: Array<
  [string, Granularity, Member[], string, string, string, number | null, boolean]
> = [
  ['flow, quarter, one scope', 'quarter', [one], 'TE-DECHETS-COLLECTES', '2025Q2', '', 20, true],
  ['flow, year, one scope', 'year', [one], 'TE-DECHETS-COLLECTES', '2025', '', 100, true],
  ['flow, year, a missing quarter', 'year', [one], 'TE-DECHETS-REEMPLOI', '2025', '', 15, false],
  [
    'flow, quarter, the missing quarter has no row',
    'quarter',
    [one],
    'TE-DECHETS-REEMPLOI',
    '2025Q4',
    '',
    null,
    false,
  ],
  [
    'flow slice, year',
    'year',
    [one],
    'TE-DECHETS-COLLECTES',
    '2025',
    'waste_stream=mobilier',
    40,
    true,
  ],
  [
    'flow slice non_renseigne, quarter',
    'quarter',
    [one],
    'TE-DECHETS-COLLECTES',
    '2025Q4',
    'waste_stream=non_renseigne',
    24,
    true,
  ],
  [
    'flow, year, two scopes summed',
    'year',
    [one, two],
    'TE-DECHETS-COLLECTES',
    '2025',
    '',
    100,
    true,
  ],
  [
    'flow, year, two scopes, one incomplete',
    'year',
    [one, two],
    'TE-DECHETS-REEMPLOI',
    '2025',
    '',
    15,
    false,
  ],
  ['stock, quarter', 'quarter', [one], 'PTCE-MEMBRES', '2025Q3', '', 16, true],
  ['stock, year = Q4, never summed over time', 'year', [one], 'PTCE-MEMBRES', '2025', '', 18, true],
  [
    'stock, year, two scopes add up at Q4; one lacks Q4',
    'year',
    [one, two],
    'PTCE-MEMBRES',
    '2025',
    '',
    18,
    false,
  ],
  [
    'stock, quarter, two scopes at the same date',
    'quarter',
    [one, two],
    'PTCE-MEMBRES',
    '2025Q3',
    '',
    27,
    true,
  ],
  // TE-TAUX-VALORISATION = (réemploi + recyclage) ÷ collecte × 100
  ['ratio, quarter', 'quarter', [one], 'TE-TAUX-VALORISATION', '2025Q2', '', 30, true],
  [
    'ratio, year over the quarters where both sides exist',
    'year',
    [one],
    'TE-TAUX-VALORISATION',
    '2025',
    '',
    19,
    false,
  ],
  [
    'ratio, one numerator term missing that quarter',
    'quarter',
    [one],
    'TE-TAUX-VALORISATION',
    '2025Q4',
    '',
    2.5,
    false,
  ],
  [
    'ratio, zero denominator → null',
    'quarter',
    [two],
    'TE-TAUX-VALORISATION',
    '2025Q1',
    '',
    null,
    false,
  ],
  [
    'ratio across scopes: Σ num ÷ Σ den, never a mean of ratios',
    'quarter',
    [one, three],
    'TE-TAUX-VALORISATION',
    '2025Q1',
    '',
    30,
    true,
  ],
];

describe('GroupAggregator', () => {
  it.each(CASES)('%s', (_name, by, members, indicator, period, slice, value, complete) => {
    const row = pick(run(by, members), indicator, period, slice);
    if (value === null && !complete && !row) return expect(row).toBeUndefined();
    expect(row).toBeDefined();
    if (value === null) expect(row!.value).toBeNull();
    else expect(row!.value).toBeCloseTo(value, 9);
    expect(row!.complete).toBe(complete);
  });

  it('carries labels and units, and orders rows by catalogue, slice, period', () => {
    const rows = run('year', [one]);
    expect(rows[0]).toEqual({
      region: 'HDF',
      pole: 'p',
      scope: 's',
      indicator: 'PTCE-MEMBRES',
      unit: 'count',
      period: '2025',
      slice: '',
      value: 18,
      status: 'draft',
      complete: true,
    });
    const collect = rows.filter((r) => r.indicator === 'TE-DECHETS-COLLECTES').map((r) => r.slice);
    expect(collect).toEqual(['', 'waste_stream=mobilier', 'waste_stream=non_renseigne']);
  });

  it.each([
    [
      'every quarter validated',
      [Object.fromEntries(ALL_Q(2025).map((q) => [q, 'validated']))],
      'year',
      '2025',
      'validated',
    ],
    [
      'one quarter submitted',
      [{ ...Object.fromEntries(ALL_Q(2025).map((q) => [q, 'validated'])), '2025Q4': 'submitted' }],
      'year',
      '2025',
      'mixed',
    ],
    ['that quarter alone', [{ '2025Q4': 'submitted' }], 'quarter', '2025Q4', 'submitted'],
    [
      'two poles disagree',
      [{ '2025Q1': 'validated' }, { '2025Q1': 'submitted' }],
      'quarter',
      '2025Q1',
      'mixed',
    ],
    ['no recorded state is a draft', [{}], 'quarter', '2025Q1', 'draft'],
  ] as Array<[string, Array<Record<string, PeriodStatus>>, Granularity, string, string]>)(
    'status: %s',
    (_n, statuses, by, period, expected) => {
      expect(pick(run(by, [one], statuses), 'TE-DECHETS-COLLECTES', period)?.status).toBe(expected);
    },
  );

  it('a member that does not track an indicator is not expected to report it', () => {
    const partial: Member = {
      tracked: ['PTCE-MEMBRES'],
      cells: full('PTCE-MEMBRES', [1, 1, 1, 1]),
    };
    expect(pick(run('year', [one, partial]), 'TE-DECHETS-COLLECTES', '2025')?.complete).toBe(true);
    expect(pick(run('year', [one, partial]), 'PTCE-MEMBRES', '2025')?.value).toBe(19);
  });

  it('holds one group at a time: begin() forgets the previous group', () => {
    const engine = new GroupAggregator(catalogueFixture, {
      by: 'quarter',
      from: '2025Q1',
      to: '2025Q1',
    });
    engine.begin({ region: 'A', pole: '', scope: '' });
    engine.member(['PTCE-MEMBRES']);
    engine.cell('PTCE-MEMBRES', '', '2025Q1', 3);
    expect(engine.end().map((r) => r.value)).toEqual([3]);
    engine.begin({ region: 'B', pole: '', scope: '' });
    expect(engine.end()).toEqual([]);
  });
});

describe('GroupAggregator across levels (the members of a pole or a region)', () => {
  /** Pole A: two scopes; pole B: one scope. Each scope is a member. */
  const poleA: Member[] = [one, three];
  const poleB: Member[] = [two];
  const group = (
    level: 'pole' | 'region',
    by: Granularity,
    poles: Member[][],
    statuses: Array<Record<string, PeriodStatus>>,
  ) => {
    const engine = new GroupAggregator(catalogueFixture, { by, from: '2025Q1', to: '2025Q4' });
    engine.begin({ region: 'HDF', pole: level === 'pole' ? 'a' : '', scope: '' });
    poles.forEach((members, i) => {
      for (const m of members) {
        engine.member(m.tracked);
        for (const [ind, s, p, v] of m.cells) engine.cell(ind, s, p, v);
      }
      engine.pole((q) => statuses[i]?.[q] ?? 'draft');
    });
    return engine.end();
  };
  const validated = Object.fromEntries(ALL_Q(2025).map((q) => [q, 'validated' as PeriodStatus]));

  // [case, level, by, poles, indicator, period, slice, value, complete]
  const LEVELS: Array<
    [
      string,
      'pole' | 'region',
      Granularity,
      Member[][],
      string,
      string,
      string,
      number | null,
      boolean,
    ]
  > = [
    [
      'pole: flow summed over its scopes, by year',
      'pole',
      'year',
      [poleA],
      'TE-DECHETS-COLLECTES',
      '2025',
      '',
      130,
      false,
    ],
    // the second scope tracks the indicator but entered no slice: the slice is not complete
    [
      'pole: slice carried through, by quarter',
      'pole',
      'quarter',
      [poleA],
      'TE-DECHETS-COLLECTES',
      '2025Q2',
      'waste_stream=mobilier',
      8,
      false,
    ],
    [
      'region: flow summed over poles and scopes, by quarter',
      'region',
      'quarter',
      [poleA, poleB],
      'TE-DECHETS-COLLECTES',
      '2025Q1',
      '',
      40,
      true,
    ],
    [
      'region: stock added across poles at Q4, one pole lacks Q4',
      'region',
      'year',
      [poleA, poleB],
      'PTCE-MEMBRES',
      '2025',
      '',
      18,
      false,
    ],
    [
      'region: stock added across poles at the same quarter',
      'region',
      'quarter',
      [poleA, poleB],
      'PTCE-MEMBRES',
      '2025Q2',
      '',
      26,
      true,
    ],
    [
      'region: ratio recomputed from the summed parts',
      'region',
      'quarter',
      [poleA, poleB],
      'TE-TAUX-VALORISATION',
      '2025Q1',
      '',
      30,
      false,
    ],
    [
      'region: ratio by year, matched quarters only',
      'region',
      'year',
      [poleA, poleB],
      'TE-TAUX-VALORISATION',
      '2025',
      '',
      (25 / 130) * 100,
      false,
    ],
  ];
  it.each(LEVELS)('%s', (_n, level, by, poles, indicator, period, slice, value, complete) => {
    const row = pick(group(level, by, poles, [validated, validated]), indicator, period, slice);
    expect(row).toBeDefined();
    if (value === null) expect(row!.value).toBeNull();
    else expect(row!.value).toBeCloseTo(value, 9);
    expect(row!.complete).toBe(complete);
  });

  it('region status is mixed when the poles disagree, one state when they agree', () => {
    const mixed = group('region', 'year', [poleA, poleB], [validated, { '2025Q1': 'submitted' }]);
    expect(pick(mixed, 'TE-DECHETS-COLLECTES', '2025')?.status).toBe('mixed');
    const same = group('region', 'year', [poleA, poleB], [validated, validated]);
    expect(pick(same, 'TE-DECHETS-COLLECTES', '2025')?.status).toBe('validated');
  });
});
