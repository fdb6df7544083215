import {
  CreateUserRequestSchema,
  type UserResponse,
  type UsersResponse,
} from '@ptce/shared/users.schema';
import { Hono } from 'hono';
import { resolveMemberships } from '../admin/resolve-memberships';
import { findUserView } from '../admin/users-admin.repository';
import { requirePrincipal } from '../auth/auth.middleware';
import { findUserByEmail } from '../auth/auth.repository';
import { hashPassword } from '../auth/passwords';
import { isAdmin } from '../auth/principal';
import { requireSession } from '../auth/require-session';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import { inBoth } from '../i18n/t';
import { insertUser, listUsers } from './users.repository';

/** Accounts: admin only, from a session (never an API token). */
export function usersRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (!isAdmin(requirePrincipal(c))) throw new ApiError('FORBIDDEN');
      await next();
    })
    .use(requireSession)
    .get('/', async (c) => c.json({ users: await listUsers(deps.db) } satisfies UsersResponse, 200))
    .post('/', async (c) => {
      const body = await readJson(c, CreateUserRequestSchema);
      const memberships = await resolveMemberships(deps.db, body.memberships, c.get('lang'));
      const p = requirePrincipal(c);
      const passwordHash = await deps.limits.hashing.run(`user:${p.userId}`, (derive) =>
        hashPassword(body.password, derive),
      );
      const id = await transact(deps.db, async (trx) => {
        if (await findUserByEmail(trx, body.email))
          throw new ApiError('CONFLICT', inBoth('users.emailTaken'));
        return insertUser(trx, {
          email: body.email,
          name: body.name,
          passwordHash,
          at: deps.now().toISOString(),
          memberships,
        });
      });
      return c.json({ user: (await findUserView(deps.db, id))! } satisfies UserResponse, 201);
    });
}
