import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { periodsRange } from '@ptce/shared/default-ranges';
import type { Lang } from '@ptce/shared/error-messages';
import { mayTake, nextStatus, TRANSITIONS } from '@ptce/shared/period-workflow';
import {
  compareQuarters,
  currentQuarter,
  MAX_RANGE_QUARTERS,
  QuarterSchema,
  quarterIndex,
  quarterRange,
} from '@ptce/shared/periods';
import {
  PERIOD_ACTIONS,
  PeriodActionRequestSchema,
  type PeriodEventsResponse,
  type PeriodState,
  PeriodsQuerySchema,
  type PeriodsResponse,
} from '@ptce/shared/periods.schema';
import { issueMessage } from '@ptce/shared/rules';
import { violationSubject } from '@ptce/shared/rules.judge';
import { Hono } from 'hono';
import { requirePrincipal } from '../auth/auth.middleware';
import { poleAccess } from '../auth/pole-access.middleware';
import { cachedJson } from '../cache/cached-json';
import type { Db } from '../db/database';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readJson, readQuery } from '../http/validate';
import { inBoth, t } from '../i18n/t';
import { notifyTransition } from '../notifications/notify';
import { findCompleteness } from './completeness.repository';
import {
  findPeriodEvents,
  findPeriodState,
  findPeriodStates,
  recordTransition,
} from './periods.repository';
import { standingErrors } from './standing-errors';

/** The quarter workflow of a pole: states with completeness, events, submit/validate/reopen. */
export function periodsRoutes(deps: AppDeps) {
  const withPole = poleAccess(deps);
  const app = new Hono<AppEnv>()
    .get('/:pole/periods', withPole, async (c) => {
      const { pole } = c.get('access');
      const q = readQuery(c, PeriodsQuerySchema);
      const { from, to } = periodsRange(deps.now(), q);
      if (quarterIndex(to) - quarterIndex(from) >= MAX_RANGE_QUARTERS) {
        throw new ApiError('VALIDATION_FAILED', undefined, [
          {
            path: ['from'],
            code: 'too_big',
            message: t(c.get('lang'), 'periods.tooLong', { max: MAX_RANGE_QUARTERS }),
          },
        ]);
      }
      const periods = quarterRange(from, to);
      const compute = async (): Promise<PeriodsResponse> => {
        const states = new Map(
          (await findPeriodStates(deps.db, pole.id, from, to)).map((s) => [s.period, s]),
        );
        const completeness = await findCompleteness(deps.db, pole.id, from, to);
        return {
          deadlineDays: deps.deadlineDays,
          resubmitDays: deps.resubmitDays,
          periods: periods.map((period) => ({
            ...(states.get(period) ?? {
              period,
              status: 'draft',
              reason: null,
              updatedAt: null,
              updatedBy: null,
              transition: null,
            }),
            scopes: completeness.get(period) ?? completeness.get('*') ?? [],
          })),
        };
      };
      return cachedJson(c, deps, pole.id, compute, `${from}-${to}`);
    })
    .get('/:pole/periods/:period/events', withPole, async (c) => {
      const { pole } = c.get('access');
      const period = parseWith(QuarterSchema, c.req.param('period'));
      return c.json(
        { events: await findPeriodEvents(deps.db, pole.id, period) } satisfies PeriodEventsResponse,
        200,
      );
    });
  for (const action of PERIOD_ACTIONS) {
    app.post(`/:pole/periods/:period/${action}`, withPole, async (c) => {
      const p = requirePrincipal(c);
      const access = c.get('access');
      const rule = TRANSITIONS[action];
      if (!mayTake(action, access.roles)) throw new ApiError('FORBIDDEN');
      // The role the step is taken in, kept with it: the first of the action's roles held.
      const byRole = rule.roles.find((r) => access.roles.has(r))!;
      const period = parseWith(QuarterSchema, c.req.param('period'));
      if (compareQuarters(period, currentQuarter(deps.now())) > 0)
        throw new ApiError('INVALID_STATE');
      const hasBody =
        (c.req.header('content-length') ?? '0') !== '0' || c.req.header('content-type');
      const body = hasBody ? await readJson(c, PeriodActionRequestSchema) : {};
      if (rule.reason && !body.reason) {
        throw new ApiError('VALIDATION_FAILED', undefined, [
          {
            path: ['reason'],
            code: 'required',
            message: t(c.get('lang'), 'periods.reasonRequired'),
          },
        ]);
      }
      // Read before the transaction, which holds the one SQLite connection.
      const catalogue = action === 'submit' ? await deps.catalogue.get() : null;
      const state = await transact(deps.db, async (trx) => {
        const before = await findPeriodState(trx, access.pole.id, period);
        const to = nextStatus(action, before.status);
        if (to === null) throw new ApiError('INVALID_STATE');
        if (catalogue)
          await refuseStandingErrors(trx, catalogue, access.pole.id, period, c.get('lang'));
        const change = {
          poleId: access.pole.id,
          period,
          action,
          from: before.status,
          to,
          reason: body.reason ?? null,
          by: p.userId,
          byRole,
          at: deps.now().toISOString(),
        };
        await recordTransition(trx, change);
        await notifyTransition(trx, deps.notifier, change);
        return findPeriodState(trx, access.pole.id, period);
      });
      return c.json(state satisfies PeriodState, 200);
    });
  }
  return app;

  /**
   * A quarter is submitted only without a standing consistency error (`standingErrors`).
   * @throws 422 RULE_VIOLATION listing each error once (rule, scope, slice, subject, cells).
   */
  async function refuseStandingErrors(
    db: Db,
    catalogue: Catalogue,
    poleId: number,
    period: string,
    lang: Lang,
  ): Promise<void> {
    const errors = await standingErrors(db, { catalogue, poleId, period });
    if (errors.length === 0) return;
    throw new ApiError(
      'RULE_VIOLATION',
      inBoth('periods.submitRefused', { count: errors.length }),
      errors.map((r) => ({
        code: r.rule,
        message: issueMessage(r, lang),
        rule: r.rule,
        severity: r.severity,
        scope: r.scope,
        period: r.period,
        slice: r.slice,
        cells: r.cells,
        params: r.params,
        subject: violationSubject(r),
      })),
    );
  }
}
