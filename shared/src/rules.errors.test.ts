import { describe, expect, it } from 'vitest';
import type { Cell } from './domain.types';
import { RuleIssueSchema } from './rules.types';
import { issuesOf, PREV, T, v } from './test-fixtures/rules.fixture';

interface Case {
  name: string;
  cells: Cell[];
  issues: number;
  params?: Record<string, number | string>;
  slice?: string;
}

const CASES: Record<string, Case[]> = {
  E1: [
    {
      name: 'parts within exits',
      cells: [
        v('MS-SORTIES', 10),
        v('MS-SORTIES-EMPLOI-DURABLE', 3),
        v('MS-SORTIES-EMPLOI-TRANSITION', 3),
        v('MS-SORTIES-POSITIVES', 4),
      ],
      issues: 0,
    },
    {
      name: 'parts above exits',
      cells: [
        v('MS-SORTIES', 10),
        v('MS-SORTIES-EMPLOI-DURABLE', 5),
        v('MS-SORTIES-EMPLOI-TRANSITION', 3),
        v('MS-SORTIES-POSITIVES', 4),
      ],
      issues: 1,
      params: { left: 12, sorties: 10 },
    },
    {
      name: 'one part alone above exits',
      cells: [v('MS-SORTIES', 10), v('MS-SORTIES-EMPLOI-DURABLE', 11)],
      issues: 1,
      params: { durable: 11, transition: 0 },
    },
    {
      name: 'sex slice above its exits',
      cells: [
        v('MS-SORTIES', 10),
        v('MS-SORTIES-EMPLOI-DURABLE', 6),
        v('MS-SORTIES', 4, 'sex=femme'),
        v('MS-SORTIES-EMPLOI-DURABLE', 5, 'sex=femme'),
      ],
      issues: 1,
      slice: 'sex=femme',
      params: { left: 5, sorties: 4 },
    },
    {
      name: 'sex slice within its exits',
      cells: [v('MS-SORTIES', 4, 'sex=homme'), v('MS-SORTIES-POSITIVES', 4, 'sex=homme')],
      issues: 0,
    },
  ],
  E2: [
    {
      name: 'exits within available',
      cells: [
        v('MS-SORTIES', 12),
        v('MS-SALARIES-PARCOURS', 10, '', PREV),
        v('MS-ENTREES-PARCOURS', 2),
      ],
      issues: 0,
    },
    {
      name: 'exits above available',
      cells: [
        v('MS-SORTIES', 13),
        v('MS-SALARIES-PARCOURS', 10, '', PREV),
        v('MS-ENTREES-PARCOURS', 2),
      ],
      issues: 1,
      params: { sorties: 13, salariesPrecedent: 10, entrees: 2 },
    },
    {
      name: 'previous quarter missing',
      cells: [v('MS-SORTIES', 13), v('MS-ENTREES-PARCOURS', 2)],
      issues: 0,
    },
  ],
  E3: [
    {
      name: 'stock within flows',
      cells: [
        v('MS-SALARIES-PARCOURS', 12),
        v('MS-SALARIES-PARCOURS', 10, '', PREV),
        v('MS-ENTREES-PARCOURS', 5),
        v('MS-SORTIES', 3),
      ],
      issues: 0,
    },
    {
      name: 'stock above flows',
      cells: [
        v('MS-SALARIES-PARCOURS', 13),
        v('MS-SALARIES-PARCOURS', 10, '', PREV),
        v('MS-ENTREES-PARCOURS', 5),
        v('MS-SORTIES', 3),
      ],
      issues: 1,
      params: { right: 12 },
    },
  ],
  E4: [
    {
      name: 'members balance',
      cells: [
        v('PTCE-MEMBRES', 15),
        v('PTCE-MEMBRES', 14, '', PREV),
        v('PTCE-MEMBRES-ENTREES', 2),
        v('PTCE-MEMBRES-SORTIES', 1),
      ],
      issues: 0,
    },
    {
      name: 'members do not balance',
      cells: [
        v('PTCE-MEMBRES', 16),
        v('PTCE-MEMBRES', 14, '', PREV),
        v('PTCE-MEMBRES-ENTREES', 2),
        v('PTCE-MEMBRES-SORTIES', 1),
      ],
      issues: 1,
      params: { membres: 16, right: 15 },
    },
    {
      name: 'fewer members than balance',
      cells: [
        v('PTCE-MEMBRES', 14),
        v('PTCE-MEMBRES', 14, '', PREV),
        v('PTCE-MEMBRES-ENTREES', 2),
        v('PTCE-MEMBRES-SORTIES', 1),
      ],
      issues: 1,
    },
  ],
  E5: [
    {
      name: 'slices sum to total',
      cells: [
        v('DS-ENTREES-ACCOMPAGNEMENT', 10),
        v('DS-ENTREES-ACCOMPAGNEMENT', 6, 'sex=femme'),
        v('DS-ENTREES-ACCOMPAGNEMENT', 4, 'sex=non_renseigne'),
      ],
      issues: 0,
    },
    {
      name: 'slices short of total',
      cells: [
        v('DS-ENTREES-ACCOMPAGNEMENT', 10),
        v('DS-ENTREES-ACCOMPAGNEMENT', 6, 'sex=femme'),
        v('DS-ENTREES-ACCOMPAGNEMENT', 3, 'sex=homme'),
      ],
      issues: 1,
      params: { indicator: 'DS-ENTREES-ACCOMPAGNEMENT', dimension: 'sex', sum: 9, total: 10 },
    },
    {
      name: 'slices without total',
      cells: [v('PTCE-FIN-PUBLICS', 100, 'funder_type=etat')],
      issues: 1,
      params: { dimension: 'funder_type', sum: 100 },
    },
    {
      name: 'decimal slices',
      cells: [
        v('TE-DECHETS-COLLECTES', 0.3),
        v('TE-DECHETS-COLLECTES', 0.1, 'waste_stream=deee'),
        v('TE-DECHETS-COLLECTES', 0.2, 'waste_stream=mobilier'),
      ],
      issues: 0,
    },
  ],
  E6: [
    {
      name: 'funding within resources',
      cells: [
        v('PTCE-FIN-PUBLICS', 70),
        v('PTCE-FIN-PRIVES', 30),
        v('PTCE-RESSOURCES-TOTALES', 100),
      ],
      issues: 0,
    },
    {
      name: 'funding above resources',
      cells: [
        v('PTCE-FIN-PUBLICS', 80),
        v('PTCE-FIN-PRIVES', 30),
        v('PTCE-RESSOURCES-TOTALES', 100),
      ],
      issues: 1,
      params: { left: 110, ressources: 100 },
    },
  ],
  E7: [
    {
      name: 'no meeting, no attendance',
      cells: [v('PTCE-REUNIONS', 0), v('PTCE-PARTICIPATIONS-REUNIONS', 0)],
      issues: 0,
    },
    {
      name: 'meetings with attendance',
      cells: [v('PTCE-REUNIONS', 2), v('PTCE-PARTICIPATIONS-REUNIONS', 30)],
      issues: 0,
    },
    {
      name: 'no meeting, attendance',
      cells: [v('PTCE-REUNIONS', 0), v('PTCE-PARTICIPATIONS-REUNIONS', 5)],
      issues: 1,
      params: { sessionsIndicator: 'PTCE-REUNIONS', attendances: 5 },
    },
    {
      name: 'no event, participants',
      cells: [v('PTCE-EVENEMENTS', 0), v('PTCE-PARTICIPANTS-EVENEMENTS', 40)],
      issues: 1,
    },
    {
      name: 'no group activity, attendance',
      cells: [v('DS-ACTIONS-COLLECTIVES', 0), v('DS-PARTICIPATIONS-ACTIONS', 3)],
      issues: 1,
    },
    {
      name: 'no awareness action, people',
      cells: [v('TE-SENSIBILISATION-ACTIONS', 0), v('TE-SENSIBILISATION-PERSONNES', 12)],
      issues: 1,
    },
  ],
  E8: [
    {
      name: 'valid values',
      cells: [v('PTCE-REUNIONS', 3), v('PTCE-EMPLOIS-MEMBRES', 2.5), v('PTCE-MEMBRES', 1000)],
      issues: 0,
    },
    {
      name: 'negative euros',
      cells: [v('PTCE-FIN-PUBLICS', -1)],
      issues: 1,
      params: { value: -1 },
    },
    { name: 'fractional count', cells: [v('PTCE-REUNIONS', 1.5)], issues: 1 },
    {
      name: 'fractional persons slice',
      cells: [v('DS-FILE-ACTIVE', 2.5, 'sex=femme')],
      issues: 1,
      slice: 'sex=femme',
    },
    { name: 'negative fractional count', cells: [v('PTCE-REUNIONS', -1.5)], issues: 2 },
    { name: 'above max', cells: [v('PTCE-MEMBRES', 1001)], issues: 1, params: { max: 1000 } },
  ],
  E9: [
    {
      name: 'caseload within',
      cells: [
        v('DS-FILE-ACTIVE', 30),
        v('DS-FILE-ACTIVE', 25, '', PREV),
        v('DS-ENTREES-ACCOMPAGNEMENT', 5),
      ],
      issues: 0,
    },
    {
      name: 'caseload above',
      cells: [
        v('DS-FILE-ACTIVE', 31),
        v('DS-FILE-ACTIVE', 25, '', PREV),
        v('DS-ENTREES-ACCOMPAGNEMENT', 5),
      ],
      issues: 1,
      params: { fileActive: 31 },
    },
  ],
};

describe.each(Object.entries(CASES))('%s', (rule, cases) => {
  it.each(cases)('$name → $issues', ({ cells, issues, params, slice }) => {
    const found = issuesOf(rule, cells);
    expect(found).toHaveLength(issues);
    for (const issue of found) {
      expect(issue).toMatchObject({ rule, severity: 'error', period: T, slice: slice ?? '' });
      if (params) expect(issue.params).toMatchObject(params);
      expect(RuleIssueSchema.parse(issue)).toEqual(issue);
      expect(issue.messageFr).not.toMatch(/[{}]/);
      expect(issue.messageEn).not.toMatch(/[{}]/);
    }
  });
});
