import { describe, expect, it } from 'vitest';
import type { Cell } from './domain.types';
import { type BatchChange, judgeBatch } from './rules.judge';
import { catalogueFixture, POLE_GROUP_SLUGS } from './test-fixtures/catalogue.fixture';
import { PREV, SCOPES, T, v } from './test-fixtures/rules.fixture';

const NEXT = '2025Q3';

/** A change of `T` in the scope tracking `indicator`. */
function change(indicator: string, value: number | null, reason?: string, slice = ''): BatchChange {
  const { scope } = v(indicator, 0);
  return {
    scope,
    indicator,
    slice,
    value,
    ...(reason === undefined ? {} : { overrideReason: reason }),
  };
}

function judge(base: Cell[], changes: BatchChange[], next: string | null = null) {
  const j = judgeBatch({
    catalogue: catalogueFixture,
    scopes: SCOPES,
    poleGroupSlugs: POLE_GROUP_SLUGS,
    period: T,
    next,
    base,
    changes,
  });
  const ids = (list: typeof j.warnings) => list.map((i) => `${i.rule}:${i.severity}`);
  return { warnings: ids(j.warnings), overridden: ids(j.overridden), blocking: ids(j.blocking), j };
}

const FUNDING = [v('PTCE-FIN-PRIVES', 30_000), v('PTCE-RESSOURCES-TOTALES', 100_000)];
const EXITS = [v('MS-SALARIES-PARCOURS', 10, '', PREV), v('MS-ENTREES-PARCOURS', 2)];

describe('judgeBatch', () => {
  it.each<
    [
      string,
      Cell[],
      BatchChange[],
      { warnings?: string[]; overridden?: string[]; blocking?: string[] },
    ]
  >([
    [
      'an error on a changed cell blocks',
      FUNDING,
      [change('PTCE-FIN-PUBLICS', 80_000)],
      { blocking: ['E6:error'] },
    ],
    [
      'a reason on the changed cell overrides it',
      FUNDING,
      [change('PTCE-FIN-PUBLICS', 80_000, 'Subvention pluriannuelle')],
      { overridden: ['E6:error'] },
    ],
    [
      'every changed cell the error involves needs a reason',
      [v('PTCE-RESSOURCES-TOTALES', 100_000)],
      [change('PTCE-FIN-PUBLICS', 80_000, 'Subvention'), change('PTCE-FIN-PRIVES', 30_000)],
      { blocking: ['E6:error'] },
    ],
    [
      'a reason the schema refuses (too short once trimmed) overrides nothing',
      FUNDING,
      [change('PTCE-FIN-PUBLICS', 80_000, '  ab  ')],
      { blocking: ['E6:error'] },
    ],
    [
      'an error on cells the batch does not change is not reported',
      [...FUNDING, v('PTCE-FIN-PUBLICS', 80_000)],
      [change('PTCE-REUNIONS', 3)],
      {},
    ],
    [
      'a cleared total concerns the issues of its indicator (slices without a total)',
      [v('MS-SORTIES', 5), v('MS-SORTIES', 5, 'sex=femme')],
      [change('MS-SORTIES', null)],
      { blocking: ['E5:error'] },
    ],
    [
      'a concerned warning is a warning',
      [v('PTCE-EMPLOIS-MEMBRES', 2)],
      [change('PTCE-EMPLOIS-CREES', 3)],
      { warnings: ['W5:warning'] },
    ],
    [
      'a batch that fixes an error reports nothing',
      [...FUNDING, v('PTCE-FIN-PUBLICS', 80_000)],
      [change('PTCE-FIN-PUBLICS', 10_000)],
      {},
    ],
  ])('%s', (_name, base, changes, expected) => {
    const { warnings, overridden, blocking } = judge(base, changes);
    expect({ warnings, overridden, blocking }).toEqual({
      warnings: expected.warnings ?? [],
      overridden: expected.overridden ?? [],
      blocking: expected.blocking ?? [],
    });
  });

  it('gives every issue of the quarter its verdict and the changes it involves', () => {
    const { j } = judge(
      [...FUNDING, v('PTCE-EMPLOIS-MEMBRES', 2), v('PTCE-EMPLOIS-CREES', 3)],
      [change('PTCE-FIN-PUBLICS', 80_000)],
    );
    expect(j.judged.map((x) => [x.issue.rule, x.verdict, x.involved.length])).toEqual([
      ['E6', 'blocking', 1],
      ['W5', 'unconcerned', 0],
    ]);
  });

  describe('the next quarter', () => {
    const nextCells = [v('MS-SORTIES', 11, '', NEXT), v('MS-ENTREES-PARCOURS', 1, '', NEXT)];

    it('reports the errors the batch newly causes there as warnings', () => {
      const before = [...EXITS, v('MS-SALARIES-PARCOURS', 12), ...nextCells];
      const { warnings, blocking, j } = judge(before, [change('MS-SALARIES-PARCOURS', 5)], NEXT);
      expect(blocking).toEqual([]);
      expect(warnings).toEqual(['E2:warning']);
      expect(j.warnings[0]?.period).toBe(NEXT);
    });

    it('leaves out the errors it already had', () => {
      const before = [...EXITS, v('MS-SALARIES-PARCOURS', 5), ...nextCells];
      expect(judge(before, [change('MS-SALARIES-PARCOURS', 4)], NEXT).warnings).toEqual([]);
    });

    it('is not judged without `next` or without values there', () => {
      const before = [...EXITS, v('MS-SALARIES-PARCOURS', 12), ...nextCells];
      expect(judge(before, [change('MS-SALARIES-PARCOURS', 5)]).warnings).toEqual([]);
      expect(judge(EXITS, [change('MS-SALARIES-PARCOURS', 5)], NEXT).warnings).toEqual([]);
    });
  });
});
