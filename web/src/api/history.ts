import { HistoryPageSchema } from '@ptce/shared/values.wire';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

/** History filters; `slice: ''` is the total only, an absent slice every slice. */
export type HistoryFilter = { indicator?: string; scope?: string; period?: string; slice?: string };

/** The query string of a filter, keeping `slice=` (the total). */
const historyQs = (f: HistoryFilter) => qs(f, ['slice']);

const getHistory = (pole: string, f: HistoryFilter) =>
  api(`/api/poles/${encodeURIComponent(pole)}/history${historyQs(f)}`, HistoryPageSchema).then(
    (r) => r.history,
  );

const historyQuery = (pole: string, f: HistoryFilter) =>
  queryOptions({ queryKey: keys.history(pole, f), queryFn: () => getHistory(pole, f) });

export const useHistory = (pole: string, f: HistoryFilter) => useQuery(historyQuery(pole, f));
