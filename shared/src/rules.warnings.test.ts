import { describe, expect, it } from 'vitest';
import type { Cell } from './domain.types';
import { NARROW_NBSP } from './format';
import { issuesOf, PREV, v } from './test-fixtures/rules.fixture';

interface Case {
  name: string;
  cells: Cell[];
  issues: number;
  params?: Record<string, number | string>;
}

/** W2/W3 inputs: 10 employees last quarter + 2 entries → cap 12 × 1 607 ÷ 4 × 1,2 = 5 785,2 h. */
const staff = [v('MS-SALARIES-PARCOURS', 10, '', PREV), v('MS-ENTREES-PARCOURS', 2)];
const CAP = 5785.2;

const CASES: Record<string, Case[]> = {
  W1: [
    {
      name: 'within collected',
      cells: [
        v('TE-DECHETS-REEMPLOI', 6),
        v('TE-DECHETS-RECYCLES', 4),
        v('TE-DECHETS-COLLECTES', 10),
      ],
      issues: 0,
    },
    {
      name: 'above collected',
      cells: [
        v('TE-DECHETS-REEMPLOI', 6.5),
        v('TE-DECHETS-RECYCLES', 4),
        v('TE-DECHETS-COLLECTES', 10),
      ],
      issues: 1,
      params: { left: 10.5, collectes: 10 },
    },
  ],
  W2: [
    { name: 'hours within cap', cells: [...staff, v('MS-HEURES-INSERTION', CAP)], issues: 0 },
    {
      name: 'hours above cap',
      cells: [...staff, v('MS-HEURES-INSERTION', 6000)],
      issues: 1,
      params: { heures: 6000, insertionHoursPerYear: 1607 },
    },
  ],
  W3: [
    {
      name: 'above cap only with clause hours',
      cells: [...staff, v('MS-HEURES-INSERTION', 6000), v('MS-CLAUSES-HEURES', 500)],
      issues: 1,
      params: { heuresHorsClauses: 5500, clauses: 500 },
    },
    {
      name: 'above cap even without clause hours',
      cells: [...staff, v('MS-HEURES-INSERTION', 6000), v('MS-CLAUSES-HEURES', 100)],
      issues: 0,
    },
    {
      name: 'within cap',
      cells: [...staff, v('MS-HEURES-INSERTION', 5000), v('MS-CLAUSES-HEURES', 500)],
      issues: 0,
    },
  ],
  W4: [
    {
      name: '500 per event',
      cells: [v('PTCE-EVENEMENTS', 2), v('PTCE-PARTICIPANTS-EVENEMENTS', 1000)],
      issues: 0,
    },
    {
      name: 'over 500 per event',
      cells: [v('PTCE-EVENEMENTS', 1), v('PTCE-PARTICIPANTS-EVENEMENTS', 1000)],
      issues: 1,
      params: { participants: 1000, evenements: 1 },
    },
    {
      name: 'no event (E7 instead)',
      cells: [v('PTCE-EVENEMENTS', 0), v('PTCE-PARTICIPANTS-EVENEMENTS', 1000)],
      issues: 0,
    },
  ],
  W5: [
    {
      name: 'created within member jobs',
      cells: [v('PTCE-EMPLOIS-CREES', 4), v('PTCE-EMPLOIS-MEMBRES', 4)],
      issues: 0,
    },
    {
      name: 'created above member jobs',
      cells: [v('PTCE-EMPLOIS-CREES', 4.5), v('PTCE-EMPLOIS-MEMBRES', 4)],
      issues: 1,
    },
  ],
  W6: [
    {
      name: '20 % not specified',
      cells: [
        v('DS-ENTREES-ACCOMPAGNEMENT', 10),
        v('DS-ENTREES-ACCOMPAGNEMENT', 2, 'residence=non_renseigne'),
      ],
      issues: 0,
    },
    {
      name: 'over 20 % not specified',
      cells: [
        v('DS-ENTREES-ACCOMPAGNEMENT', 10),
        v('DS-ENTREES-ACCOMPAGNEMENT', 3, 'residence=non_renseigne'),
      ],
      issues: 1,
      params: { nonRenseigne: 3, total: 10 },
    },
    { name: 'slice not entered', cells: [v('DS-ENTREES-ACCOMPAGNEMENT', 10)], issues: 0 },
  ],
  W7: [
    { name: '100 000 € exactly', cells: [v('PTCE-FIN-PUBLICS', 100_000)], issues: 0 },
    { name: 'above 100 000 €', cells: [v('PTCE-FIN-PUBLICS', 100_000.01)], issues: 1 },
  ],
};

describe.each(Object.entries(CASES))('%s', (rule, cases) => {
  it.each(cases)('$name → $issues', ({ cells, issues, params }) => {
    const found = issuesOf(rule, cells);
    expect(found).toHaveLength(issues);
    for (const issue of found) {
      expect(issue).toMatchObject({ rule, severity: 'warning', slice: '' });
      if (params) expect(issue.params).toMatchObject(params);
      expect(issue.messageFr).not.toMatch(/[{}]/);
    }
  });
});

describe('W1 over a full year', () => {
  const year = (reemploi: number[], collectes: number[]) =>
    reemploi.flatMap((r, i) => [
      v('TE-DECHETS-REEMPLOI', r, '', `2025Q${i + 1}`),
      v('TE-DECHETS-COLLECTES', collectes[i] ?? 0, '', `2025Q${i + 1}`),
    ]);

  it('is an error on the Q4 when the year exceeds collected tonnes', () => {
    const issues = issuesOf('W1', year([40, 1, 1, 1], [10, 10, 10, 10]), { period: '2025Q4' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      period: '2025Q4',
      params: { year: '2025', left: 43, collectes: 40 },
    });
    expect(issues[0]?.cells).toEqual([
      { scope: 'transition-ecologique', indicator: 'TE-DECHETS-REEMPLOI', slice: '' },
      { scope: 'transition-ecologique', indicator: 'TE-DECHETS-COLLECTES', slice: '' },
    ]);
    expect(issues[0]?.messageFr).toContain('Sur l’année 2025');
  });

  it('gives both the quarter warning and the year error', () => {
    const issues = issuesOf('W1', year([1, 1, 1, 40], [10, 10, 10, 10]), { period: '2025Q4' });
    expect(issues.map((i) => i.severity)).toEqual(['warning', 'error']);
  });

  it.each([
    ['a year within collected tonnes', year([5, 5, 5, 5], [10, 10, 10, 10]), '2025Q4'],
    ['a quarter missing', year([40, 1, 1, 1], [10, 10, 10, 10]).slice(2), '2025Q4'],
    ['not a Q4', year([40, 1, 1], [10, 10, 10]), '2025Q3'],
  ])('is not checked for %s', (_name, cells, period) => {
    expect(issuesOf('W1', cells, { period }).filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('W2 settings and messages', () => {
  it('uses the yearly hours setting', () => {
    const cells = [...staff, v('MS-HEURES-INSERTION', 6000)];
    expect(issuesOf('W2', cells, { settings: { insertionHoursPerYear: 1820 } })).toEqual([]);
  });

  it('writes the cap the French way', () => {
    const [issue] = issuesOf('W2', [...staff, v('MS-HEURES-INSERTION', 6000)]);
    expect(issue?.params.right).toBeCloseTo(CAP, 9);
    expect(issue?.messageFr).toContain(`plafond de 5${NARROW_NBSP}785,2\u00a0h`);
    expect(issue?.messageFr).toContain(`× 1${NARROW_NBSP}607\u00a0h ÷ 4 × 1,2`);
  });
});
