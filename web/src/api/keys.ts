import type { ExportParams } from './exports';

/** Every query key of the app, hierarchical, built here only; mutations invalidate through them. */
export const keys = {
  session: () => ['session'] as const,
  catalogue: () => ['catalogue'] as const,
  poles: () => ['poles'] as const,
  pole: (pole: string) => ['poles', pole] as const,
  values: (
    pole: string,
    q: {
      from?: string | undefined;
      to?: string | undefined;
      scope?: string | undefined;
      slice?: string | undefined;
    } = {},
  ) => ['poles', pole, 'values', q] as const,
  /** The series a screen of totals reads (`GET …/series`): refreshed with the values. */
  series: (pole: string, from: string, to: string) =>
    ['poles', pole, 'values', 'series', from, to] as const,
  allValues: (pole: string) => ['poles', pole, 'values'] as const,
  history: (pole: string, q: Record<string, string | undefined> = {}) =>
    ['poles', pole, 'history', q] as const,
  targets: (pole: string, year: number) => ['poles', pole, 'targets', year] as const,
  allTargets: (pole: string) => ['poles', pole, 'targets'] as const,
  periods: (pole: string, q: { from?: string | undefined; to?: string | undefined } = {}) =>
    ['poles', pole, 'periods', q] as const,
  allPeriods: (pole: string) => ['poles', pole, 'periods'] as const,
  /** A quarter's narrative; its history is under it, so a save refreshes both. */
  narrative: (pole: string, period: string) => ['poles', pole, 'narrative', period] as const,
  narrativeHistory: (pole: string, period: string, q: { scope?: string | undefined } = {}) =>
    ['poles', pole, 'narrative', period, 'history', q] as const,
  users: () => ['users'] as const,
  tokens: () => ['tokens'] as const,
  /** Every user's tokens (admin); under `tokens()` so revoking one's own refreshes both. */
  allTokens: (q: { user?: number | undefined } = {}) => ['tokens', 'all', q] as const,
  regions: () => ['regions'] as const,
  /** A region's dashboard figures (`GET /api/regions/{region}/values`). */
  regionValues: (region: string, q: { from: string; to: string; by: 'quarter' | 'year' }) =>
    ['region', region, 'values', q] as const,
  exports: () => ['exports'] as const,
  /** The export preview of a set of filters (format always `json`). */
  exportPreview: (filters: ExportParams) => ['exports', 'preview', filters] as const,
};
