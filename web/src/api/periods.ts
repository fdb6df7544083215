import type { PeriodActionRequest } from '@ptce/shared/periods.schema';
import {
  type PeriodAction,
  PeriodStateSchema,
  PeriodsResponseSchema,
} from '@ptce/shared/periods.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

const getPeriods = (pole: string, q: { from?: string | undefined; to?: string | undefined }) =>
  api(`/api/poles/${encodeURIComponent(pole)}/periods${qs(q)}`, PeriodsResponseSchema);

export const periodsQuery = (
  pole: string,
  q: { from?: string | undefined; to?: string | undefined } = {},
) => queryOptions({ queryKey: keys.periods(pole, q), queryFn: () => getPeriods(pole, q) });

export const usePeriods = (
  pole: string,
  q: { from?: string | undefined; to?: string | undefined } = {},
) => useQuery(periodsQuery(pole, q));

const periodAction = (pole: string, period: string, action: PeriodAction, reason?: string) =>
  api(`/api/poles/${encodeURIComponent(pole)}/periods/${period}/${action}`, PeriodStateSchema, {
    method: 'POST',
    body: (reason ? { reason } : {}) satisfies PeriodActionRequest,
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
