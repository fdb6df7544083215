import { quarterRange } from '@ptce/shared/periods';
import { catalogueFixture } from '@ptce/shared/test-fixtures/catalogue.fixture';
import type { StoredValue } from '@ptce/shared/values.schema';
import type { stubFetch } from './render';

// Answers of the API as the web tests stub them, with the defaults most tests share.

type Routes = Parameters<typeof stubFetch>[0];

/** `GET /api/catalogue`: the shared catalogue fixture, no retired code. */
export const catalogueBody = { ...catalogueFixture, retired: [] as string[] };

/** The region of the demo poles. */
export const HDF = { code: 'HDF', name: 'Hauts-de-France' };

export interface ScopeFixture {
  slug: string;
  name: string;
  kind: string;
  indicators: string[];
}

/** `GET /api/session` of the demo CRESS of Hauts-de-France. */
export const cressSession = {
  user: {
    id: 3,
    email: 'cress@hdf.test',
    name: 'Sophie',
    memberships: [{ role: 'cress', pole: null, region: 'HDF' }],
  },
  expiresAt: null,
};

/** A pole as `GET /api/poles/:pole` answers it, in Hauts-de-France unless `region` is given. */
export function poleDetail(p: {
  slug: string;
  name: string;
  territory: string;
  region?: { code: string; name: string };
  roles: string[];
  scopes: ScopeFixture[];
}) {
  return { region: HDF, ...p };
}

/** A stored value: the total (no slice), no comment or override reason, version 1. */
export function storedValue(
  v: Pick<StoredValue, 'scope' | 'indicator' | 'period' | 'value'> & Partial<StoredValue>,
): StoredValue {
  return {
    slice: '',
    comment: null,
    overrideReason: null,
    version: 1,
    updatedAt: '',
    updatedBy: null,
    ...v,
  };
}

/** A quarter as `GET …/periods` lists it: a draft nobody changed, unless `extra` says. */
export function periodState(
  period: string,
  extra: {
    status?: string;
    reason?: string | null;
    scopes?: Array<{ scope: string; filled: number; expected: number }>;
    transition?: {
      kind: string;
      reason: string | null;
      at: string;
      by: string | null;
      byRole: string | null;
    } | null;
  } = {},
) {
  return {
    period,
    status: 'draft',
    reason: null,
    updatedAt: null,
    updatedBy: null,
    transition: null,
    scopes: [],
    ...extra,
  };
}

/** The body of `GET …/periods`: these quarters, the 30-day deadline, 15 days after a sending back. */
export function periodsBody(periods: Array<ReturnType<typeof periodState>>) {
  return { deadlineDays: 30, resubmitDays: 15, periods };
}

/** A yearly target as `GET …/targets` lists it. */
export function targetEntry(
  t: { scope: string; indicator: string; year: number; value: number } & {
    updatedAt?: string;
    updatedBy?: string | null;
  },
) {
  return { updatedAt: '', updatedBy: null, ...t };
}

/** A body, or a function of the request's address for an answer that depends on its query. */
type Read = object | ((url: URL) => unknown);

/** What the server adds to each read of `poleRoutes`: the pole of values, history's last page. */
const READ_DEFAULTS = (slug: string): Record<string, object> => ({
  values: { pole: slug },
  history: { nextBefore: null },
});

/**
 * The GET routes a pole's pages read, for `stubFetch`: the shared catalogue fixture, the
 * pole's detail and each of its `values`, `targets`, `periods`, `history` given.
 */
export function poleRoutes(
  pole: { slug: string },
  reads: Partial<Record<'values' | 'targets' | 'periods' | 'history', Read>> = {},
): Routes {
  const routes: Routes = {
    'GET /api/catalogue': () => ({ json: catalogueBody }),
    [`GET /api/poles/${pole.slug}`]: () => ({ json: pole }),
  };
  for (const [what, read] of Object.entries(reads))
    routes[`GET /api/poles/${pole.slug}/${what}`] = (_body, url) => ({
      json: {
        ...READ_DEFAULTS(pole.slug)[what],
        ...((typeof read === 'function' ? read(url) : read) as object),
      },
    });
  const values = reads.values;
  // The series the dashboard and the targets page read: the same values, as the server gives them.
  if (values !== undefined)
    routes[`GET /api/poles/${pole.slug}/series`] = (_body, url) => {
      const answer = (typeof values === 'function' ? values(url) : values) as {
        values?: StoredValue[];
      };
      return {
        json: seriesAnswer(
          pole.slug,
          answer.values ?? [],
          url.searchParams.get('from')!,
          url.searchParams.get('to')!,
        ),
      };
    };
  return routes;
}

/** `GET /api/poles/{pole}/series` of `values` over `from`–`to` (a PoleSeriesResponse). */
function seriesAnswer(
  pole: string,
  values: readonly Pick<StoredValue, 'scope' | 'indicator' | 'period' | 'slice' | 'value'>[],
  from: string,
  to: string,
) {
  const periods = quarterRange(from, to);
  const series = new Map<
    string,
    { scope: string; indicator: string; slice: string; values: (number | null)[] }
  >();
  for (const v of values) {
    const i = periods.indexOf(v.period);
    if (i === -1) continue;
    const key = `${v.scope}|${v.indicator}|${v.slice}`;
    let s = series.get(key);
    if (!s) {
      s = {
        scope: v.scope,
        indicator: v.indicator,
        slice: v.slice,
        values: periods.map(() => null),
      };
      series.set(key, s);
    }
    s.values[i] = v.value;
  }
  return { pole, from, to, periods, series: [...series.values()] };
}
