import { describe, expect, it } from 'vitest';
import type { Cell } from './domain.types';
import { type BatchChange, judgeBatch, violationOf, violationSubject } from './rules.judge';
import { catalogueFixture, POLE_GROUP_SLUGS } from './test-fixtures/catalogue.fixture';
import { PREV, SCOPES, T, v } from './test-fixtures/rules.fixture';
import { SaveValuesRequestSchema, type ViolationOverride, violationKey } from './values.schema';

const MS = 'mobilite-sociale';
const REASON = 'Sorties régularisées du trimestre précédent';

/** Last quarter's 1 employee, 1 entry and 4 lasting exits: 3 exits break E1 (4 > 3) and E2 (3 > 2). */
const BASE: Cell[] = [
  v('MS-SALARIES-PARCOURS', 1, '', PREV),
  v('MS-ENTREES-PARCOURS', 1),
  v('MS-SORTIES-EMPLOI-DURABLE', 4),
];
const change = (indicator: string, value: number, overrideReason?: string): BatchChange => ({
  scope: MS,
  indicator,
  slice: '',
  value,
  ...(overrideReason ? { overrideReason } : {}),
});

function verdicts(changes: BatchChange[], overrides: ViolationOverride[], base = BASE) {
  const j = judgeBatch({
    catalogue: catalogueFixture,
    scopes: SCOPES,
    poleGroupSlugs: POLE_GROUP_SLUGS,
    period: T,
    next: null,
    base,
    changes,
    overrides,
  });
  return j.judged
    .filter((x) => x.verdict !== 'unconcerned')
    .map((x) => `${x.issue.rule}${x.issue.slice ? `/${x.issue.slice}` : ''}:${x.verdict}`);
}

describe('judgeBatch — a reason per violation', () => {
  const exits = [change('MS-SORTIES', 3)];

  it('without a reason both errors block', () => {
    expect(verdicts(exits, [])).toEqual(['E1:blocking', 'E2:blocking']);
  });

  it.each<[string, ViolationOverride[], string[]]>([
    [
      'a reason for E1 in its scope overrides E1 only, not E2',
      [{ rule: 'E1', scope: MS, reason: REASON }],
      ['E1:overridden', 'E2:blocking'],
    ],
    [
      'a reason for E1 in another scope overrides nothing',
      [{ rule: 'E1', scope: 'pole', reason: REASON }],
      ['E1:blocking', 'E2:blocking'],
    ],
    [
      'a reason for E1 on a slice does not override E1 on the total',
      [{ rule: 'E1', scope: MS, slice: 'sex=femme', reason: REASON }],
      ['E1:blocking', 'E2:blocking'],
    ],
    [
      'a reason too short once trimmed overrides nothing',
      [{ rule: 'E1', scope: MS, reason: '  ab ' }],
      ['E1:blocking', 'E2:blocking'],
    ],
    [
      'one reason for each violation overrides both',
      [
        { rule: 'E1', scope: MS, reason: REASON },
        { rule: 'E2', scope: MS, slice: '', subject: '', reason: 'Entrées du trimestre en retard' },
      ],
      ['E1:overridden', 'E2:overridden'],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(verdicts(exits, overrides)).toEqual(expected);
  });

  it('keeps the per-entry reason of older clients: on every changed cell, it overrides all', () => {
    expect(verdicts([change('MS-SORTIES', 3, REASON)], [])).toEqual([
      'E1:overridden',
      'E2:overridden',
    ]);
    // E1 involves a second changed cell without one: blocked; E2 involves the reasoned one only
    expect(
      verdicts([change('MS-SORTIES', 3, REASON), change('MS-SORTIES-POSITIVES', 1)], []),
    ).toEqual(['E1:blocking', 'E2:overridden']);
  });

  it('gives each judged issue its key and the reason written for it', () => {
    const j = judgeBatch({
      catalogue: catalogueFixture,
      scopes: SCOPES,
      poleGroupSlugs: POLE_GROUP_SLUGS,
      period: T,
      next: null,
      base: BASE,
      changes: exits,
      overrides: [{ rule: 'E1', scope: MS, reason: ` ${REASON} ` }],
    });
    expect(j.judged.map((x) => [x.key, x.reason])).toEqual([
      [`E1|${MS}||`, REASON],
      [`E2|${MS}||`, null],
    ]);
  });
});

describe('violation identity', () => {
  it('tells apart issues of one rule by their string params, sorted', () => {
    const issue = { params: { sum: 3, indicator: 'MS-SORTIES', dimension: 'sex' } };
    expect(violationSubject(issue)).toBe('dimension=sex&indicator=MS-SORTIES');
    expect(violationSubject({ params: { left: 4, right: 3 } })).toBe('');
  });

  it('keys an override with its slice and subject defaulting to the total and none', () => {
    expect(violationKey({ rule: 'E1', scope: MS })).toBe(`E1|${MS}||`);
    const issue = {
      rule: 'E5',
      severity: 'error' as const,
      scope: MS,
      period: T,
      slice: '',
      cells: [],
      params: { indicator: 'MS-SORTIES', dimension: 'sex', sum: 2 },
      messageFr: '',
      messageEn: '',
    };
    expect(violationKey(violationOf(issue))).toBe(`E5|${MS}||dimension=sex&indicator=MS-SORTIES`);
  });

  it('refuses a request naming one violation twice, or a rule that is not an error', () => {
    const entries = [{ scope: MS, indicator: 'MS-SORTIES', value: 3 }];
    const twice = SaveValuesRequestSchema.safeParse({
      period: T,
      entries,
      overrides: [
        { rule: 'E1', scope: MS, reason: REASON },
        { rule: 'E1', scope: MS, slice: '', reason: 'Autre motif' },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual(['overrides', 1]);
    const warning = SaveValuesRequestSchema.safeParse({
      period: T,
      entries,
      overrides: [{ rule: 'W1', scope: MS, reason: REASON }],
    });
    expect(warning.success).toBe(false);
    const ok = SaveValuesRequestSchema.safeParse({
      period: T,
      entries,
      overrides: [{ rule: 'E1', scope: MS, reason: REASON }],
    });
    expect(ok.success).toBe(true);
  });
});
