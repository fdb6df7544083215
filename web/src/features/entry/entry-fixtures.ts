import { currentQuarter } from '@ptce/shared/periods';
import type { StoredValue } from '@ptce/shared/values.schema';
import {
  periodState,
  periodsBody as periodsOf,
  poleDetail,
  poleRoutes,
  storedValue,
  targetEntry,
} from '../../testing/fixtures';

/** Test data of the entry grid: the demo pole's scopes on the shared catalogue fixture. */
export const POLE = 'henin-carvin';
const PERIOD = currentQuarter(new Date());
const SCOPE = 'mobilite-sociale';
export const ROUTE = `/poles/${POLE}/saisie/${PERIOD}/${SCOPE}`;
export const PATH = '/poles/:pole/saisie/:period/:scope';

const pole = poleDetail({
  slug: POLE,
  name: 'PTCE Hénin-Carvin',
  territory: 'CAHC',
  roles: ['coordinator'],
  scopes: [
    { slug: 'transition-ecologique', name: 'Transition écologique', kind: 'group', indicators: [] },
    { slug: 'developpement-social', name: 'Développement social', kind: 'group', indicators: [] },
    {
      slug: SCOPE,
      name: 'Mobilité sociale',
      kind: 'group',
      indicators: [
        'MS-SALARIES-PARCOURS',
        'MS-ENTREES-PARCOURS',
        'MS-HEURES-INSERTION',
        'MS-SORTIES',
        'MS-SORTIES-EMPLOI-DURABLE',
        'MS-SORTIES-EMPLOI-TRANSITION',
        'MS-SORTIES-POSITIVES',
        'MS-TAUX-SORTIES-DYNAMIQUES',
      ],
    },
    { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: ['PTCE-REUNIONS'] },
  ],
});

export function stored(
  indicator: string,
  value: number,
  extra: Partial<StoredValue> = {},
): StoredValue {
  return storedValue({
    scope: SCOPE,
    indicator,
    period: PERIOD,
    value,
    updatedAt: '2026-10-02T08:00:00.000Z',
    updatedBy: 'Camille Lefebvre',
    ...extra,
  });
}

function periodsBody(status = 'draft', reason: string | null = null) {
  return periodsOf([
    periodState(PERIOD, { status, reason, scopes: [{ scope: SCOPE, filled: 1, expected: 7 }] }),
  ]);
}

/** The GET routes of the grid; `values` are the scope's stored values. */
export function readRoutes(values: StoredValue[], status = 'draft') {
  const year = Number(PERIOD.slice(0, 4));
  return poleRoutes(pole, {
    values: { pole: POLE, values },
    periods: periodsBody(status),
    targets: {
      year,
      targets: [targetEntry({ scope: SCOPE, indicator: 'MS-SORTIES', year, value: 40 })],
    },
  });
}

/** A successful PUT answer echoing the entries with version + 1. */
export function savedBody(body: unknown) {
  const { period, entries } = body as {
    period: string;
    entries: Array<{ indicator: string; slice?: string; value: number | null; version?: number }>;
  };
  return {
    period,
    saved: entries.map((e) => ({
      scope: SCOPE,
      indicator: e.indicator,
      slice: e.slice ?? '',
      value: e.value,
      version: (e.version ?? 0) + 1,
    })),
    unchanged: 0,
    warnings: [],
    overridden: [],
  };
}
