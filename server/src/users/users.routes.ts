import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { CreateUserRequestSchema } from '@ptce/shared/users.schema';
import { Hono } from 'hono';
import { requirePrincipal } from '../auth/auth.middleware';
import { hashPassword } from '../auth/passwords';
import { isAdmin } from '../auth/principal';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import { inBoth, t } from '../i18n/t';
import { insertUser, listUsers } from './users.repository';

/** Accounts: admin only. */
export function usersRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (!isAdmin(requirePrincipal(c))) throw new ApiError('FORBIDDEN');
      await next();
    })
    .get('/', async (c) => c.json({ users: await listUsers(deps.db) }, 200))
    .post('/', async (c) => {
      const body = await readJson(c, CreateUserRequestSchema);
      const lang = c.get('lang');
      const poles = new Map(
        (await deps.db.selectFrom('poles').select(['id', 'slug']).execute()).map((p) => [
          p.slug,
          p.id,
        ]),
      );
      const regions = new Set(
        (await deps.db.selectFrom('regions').select('code').execute()).map((r) => r.code),
      );
      const issues: ErrorIssue[] = [];
      body.memberships.forEach((m, i) => {
        if (m.pole && !poles.has(m.pole))
          issues.push({
            path: ['memberships', i, 'pole'],
            code: 'unknown_pole',
            message: t(lang, 'admin.unknownPole', { pole: m.pole }),
          });
        if (m.region && !regions.has(m.region))
          issues.push({
            path: ['memberships', i, 'region'],
            code: 'unknown_region',
            message: t(lang, 'admin.unknownRegion', { region: m.region }),
          });
      });
      if (issues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, issues);
      const passwordHash = await hashPassword(body.password);
      const id = await deps.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', body.email)
          .executeTakeFirst();
        if (taken) throw new ApiError('CONFLICT', inBoth('users.emailTaken'));
        return insertUser(trx, {
          email: body.email,
          name: body.name,
          passwordHash,
          at: deps.now().toISOString(),
          memberships: body.memberships.map((m) => ({
            ...m,
            poleId: m.pole ? poles.get(m.pole)! : null,
          })),
        });
      });
      const user = (await listUsers(deps.db)).find((u) => u.id === id)!;
      return c.json({ user }, 201);
    });
}
