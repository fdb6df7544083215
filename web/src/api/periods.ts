import type { PeriodAction, PeriodEvent, PeriodState } from '@ptce/shared/periods.schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

export interface PeriodWithCompleteness extends PeriodState {
  scopes: Array<{ scope: string; filled: number; expected: number }>;
}

export const getPeriods = (
  pole: string,
  q: { from?: string | undefined; to?: string | undefined },
) =>
  api<{ deadlineDays: number; periods: PeriodWithCompleteness[] }>(
    `/api/poles/${encodeURIComponent(pole)}/periods${qs(q)}`,
  );

export const periodsQuery = (
  pole: string,
  q: { from?: string | undefined; to?: string | undefined } = {},
) => queryOptions({ queryKey: keys.periods(pole, q), queryFn: () => getPeriods(pole, q) });

export const usePeriods = (
  pole: string,
  q: { from?: string | undefined; to?: string | undefined } = {},
) => useQuery(periodsQuery(pole, q));

export const getPeriodEvents = (pole: string, period: string) =>
  api<{ events: PeriodEvent[] }>(
    `/api/poles/${encodeURIComponent(pole)}/periods/${period}/events`,
  ).then((r) => r.events);

export const usePeriodEvents = (pole: string, period: string) =>
  useQuery(
    queryOptions({
      queryKey: keys.periodEvents(pole, period),
      queryFn: () => getPeriodEvents(pole, period),
    }),
  );

export const periodAction = (pole: string, period: string, action: PeriodAction, reason?: string) =>
  api<PeriodState>(`/api/poles/${encodeURIComponent(pole)}/periods/${period}/${action}`, {
    method: 'POST',
    body: reason ? { reason } : {},
  });

/** submit / validate / reopen; refreshes the pole's periods. */
export function usePeriodAction(pole: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { period: string; action: PeriodAction; reason?: string }) =>
      periodAction(pole, v.period, v.action, v.reason),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.allPeriods(pole) }),
  });
}
