import {
  compareQuarters,
  currentQuarter,
  MAX_RANGE_QUARTERS,
  MIN_YEAR,
  QuarterSchema,
  quarterFromIndex,
  quarterIndex,
  quarterRange,
} from '@ptce/shared/periods';
import {
  type PeriodAction,
  PeriodActionRequestSchema,
  type PeriodStatus,
} from '@ptce/shared/periods.schema';
import type { Role } from '@ptce/shared/session.schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { poleForCaller, requireRole } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { cachedJson } from '../cache/cached-json';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readJson, readQuery } from '../http/validate';
import { t } from '../i18n/t';
import { findCompleteness } from './completeness.repository';
import {
  findPeriodEvents,
  findPeriodState,
  findPeriodStates,
  recordTransition,
} from './periods.repository';

/** Who may do each action, from which states, to which state. */
const TRANSITIONS: Record<
  PeriodAction,
  { roles: Role[]; from: PeriodStatus[]; to: PeriodStatus; reason: boolean }
> = {
  submit: { roles: ['coordinator'], from: ['draft'], to: 'submitted', reason: false },
  validate: { roles: ['cress'], from: ['submitted'], to: 'validated', reason: false },
  reopen: {
    roles: ['cress', 'admin'],
    from: ['submitted', 'validated'],
    to: 'draft',
    reason: true,
  },
};

const RangeSchema = z.strictObject({
  from: QuarterSchema.optional(),
  to: QuarterSchema.optional(),
});

/** The quarter workflow of a pole: states with completeness, events, submit/validate/reopen. */
export function periodsRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>()
    .get('/:pole/periods', async (c) => {
      const { pole } = await poleForCaller(
        deps.db,
        requirePrincipal(c),
        c.req.param('pole'),
        deps.cache,
      );
      const q = readQuery(c, RangeSchema);
      const to = q.to ?? currentQuarter(deps.now());
      // Eight quarters back, but never before the first accepted quarter (`to=2000Q1`).
      const from = q.from ?? quarterFromIndex(Math.max(quarterIndex(to) - 7, MIN_YEAR * 4));
      if (quarterIndex(to) - quarterIndex(from) >= MAX_RANGE_QUARTERS) {
        throw new ApiError('VALIDATION_FAILED', undefined, [
          { path: ['from'], code: 'too_big', message: `at most ${MAX_RANGE_QUARTERS} quarters` },
        ]);
      }
      const periods = quarterRange(from, to);
      const compute = async () => {
        const states = new Map(
          (await findPeriodStates(deps.db, pole.id, from, to)).map((s) => [s.period, s]),
        );
        const completeness = await findCompleteness(deps.db, pole.id, from, to);
        return {
          deadlineDays: deps.deadlineDays,
          periods: periods.map((period) => ({
            ...(states.get(period) ?? {
              period,
              status: 'draft',
              reason: null,
              updatedAt: null,
              updatedBy: null,
            }),
            scopes: completeness.get(period) ?? completeness.get('*') ?? [],
          })),
        };
      };
      return cachedJson(c, deps, pole.id, compute, `${from}-${to}`);
    })
    .get('/:pole/periods/:period/events', async (c) => {
      const { pole } = await poleForCaller(
        deps.db,
        requirePrincipal(c),
        c.req.param('pole'),
        deps.cache,
      );
      const period = parseWith(QuarterSchema, c.req.param('period'));
      return c.json({ events: await findPeriodEvents(deps.db, pole.id, period) }, 200);
    });
  for (const action of Object.keys(TRANSITIONS) as PeriodAction[]) {
    app.post(`/:pole/periods/:period/${action}`, async (c) => {
      const p = requirePrincipal(c);
      const access = await poleForCaller(deps.db, p, c.req.param('pole'), deps.cache);
      const rule = TRANSITIONS[action];
      requireRole(access, ...rule.roles);
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
      const state = await deps.db.transaction().execute(async (trx) => {
        const before = await findPeriodState(trx, access.pole.id, period);
        if (!rule.from.includes(before.status)) throw new ApiError('INVALID_STATE');
        await recordTransition(trx, {
          poleId: access.pole.id,
          period,
          action,
          from: before.status,
          to: rule.to,
          reason: body.reason ?? null,
          by: p.userId,
          at: deps.now().toISOString(),
        });
        return findPeriodState(trx, access.pole.id, period);
      });
      return c.json(state, 200);
    });
  }
  return app;
}
