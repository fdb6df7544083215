import { currentQuarter, previousQuarter } from '@ptce/shared/periods';
import { catalogueFixture } from '@ptce/shared/test-fixtures/catalogue.fixture';
import type { StoredValue } from '@ptce/shared/values.schema';

/** Test data of the entry grid: the demo pole's scopes on the shared catalogue fixture. */
export const POLE = 'henin-carvin';
export const PERIOD = currentQuarter(new Date());
export const PREVIOUS = previousQuarter(PERIOD);
export const SCOPE = 'mobilite-sociale';
export const ROUTE = `/poles/${POLE}/saisie/${PERIOD}/${SCOPE}`;
export const PATH = '/poles/:pole/saisie/:period/:scope';

export const pole = {
  slug: POLE,
  name: 'PTCE Hénin-Carvin',
  territory: 'CAHC',
  region: { code: 'HDF', name: 'Hauts-de-France' },
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
};

export function stored(
  indicator: string,
  value: number,
  extra: Partial<StoredValue> = {},
): StoredValue {
  return {
    scope: SCOPE,
    indicator,
    period: PERIOD,
    slice: '',
    value,
    comment: null,
    overrideReason: null,
    version: 1,
    updatedAt: '2026-10-02T08:00:00.000Z',
    updatedBy: 'Camille Lefebvre',
    ...extra,
  };
}

export function periodsBody(status = 'draft', reason: string | null = null) {
  return {
    deadlineDays: 30,
    periods: [
      {
        period: PERIOD,
        status,
        reason,
        updatedAt: null,
        updatedBy: null,
        scopes: [{ scope: SCOPE, filled: 1, expected: 7 }],
      },
    ],
  };
}

/** The GET routes of the grid; `values` are the scope's stored values. */
export function readRoutes(values: StoredValue[], status = 'draft') {
  return {
    [`GET /api/poles/${POLE}`]: () => ({ json: pole }),
    'GET /api/catalogue': () => ({ json: catalogueFixture }),
    [`GET /api/poles/${POLE}/values`]: () => ({ json: { pole: POLE, values } }),
    [`GET /api/poles/${POLE}/periods`]: () => ({ json: periodsBody(status) }),
    [`GET /api/poles/${POLE}/targets`]: () => ({
      json: {
        year: Number(PERIOD.slice(0, 4)),
        targets: [
          {
            scope: SCOPE,
            indicator: 'MS-SORTIES',
            year: Number(PERIOD.slice(0, 4)),
            value: 40,
            updatedAt: '2026-01-10T08:00:00.000Z',
            updatedBy: 'Camille Lefebvre',
          },
        ],
      },
    }),
  };
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
