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
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import { inBoth } from '../i18n/t';
import { insertUser, listUsers } from './users.repository';

/** Accounts: admin only. */
export function usersRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (!isAdmin(requirePrincipal(c))) throw new ApiError('FORBIDDEN');
      await next();
    })
    .get('/', async (c) => c.json({ users: await listUsers(deps.db) } satisfies UsersResponse, 200))
    .post('/', async (c) => {
      const body = await readJson(c, CreateUserRequestSchema);
      const memberships = await resolveMemberships(deps.db, body.memberships, c.get('lang'));
      const passwordHash = await hashPassword(body.password);
      const id = await deps.db.transaction().execute(async (trx) => {
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
