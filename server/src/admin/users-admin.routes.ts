import {
  IdSchema,
  ResetPasswordRequestSchema,
  UpdateUserRequestSchema,
} from '@ptce/shared/admin.schema';
import type { OwnedTokensResponse, UserResponse } from '@ptce/shared/users.schema';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { requirePrincipal } from '../auth/auth.middleware';
import { hashPassword } from '../auth/passwords';
import { requireSession } from '../auth/require-session';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readJson } from '../http/validate';
import { inBoth } from '../i18n/t';
import { readNoBody } from './admin-http';
import { resolveMemberships } from './resolve-memberships';
import { listTokens } from './tokens-admin.repository';
import {
  countActiveAdmins,
  findUserView,
  renameUser,
  replaceMemberships,
  revokeUserCredentials,
  setDisabled,
  setPasswordHash,
} from './users-admin.repository';

/**
 * Accounts (admin, from a session: never with an API token), under `/users/{id}`: name and
 * memberships, disable / enable, password reset, tokens. Grants are read on every request, so
 * changes apply at the next call. Disabling and a password reset revoke the account's sessions
 * and API tokens; enabling revives none. The instance always keeps one enabled admin (422
 * INVALID_STATE otherwise).
 */
export function usersAdminRoutes(deps: AppDeps) {
  const idOf = (c: Context<AppEnv>) => parseWith(IdSchema, c.req.param('id'));
  const mustExist = async (id: number) => {
    const user = await findUserView(deps.db, id);
    if (!user) throw new ApiError('NOT_FOUND');
    return user;
  };
  const lastAdmin = () => new ApiError('INVALID_STATE', inBoth('admin.lastAdmin'));

  return new Hono<AppEnv>()
    .use(requireSession)
    .patch('/:id', async (c) => {
      const id = idOf(c);
      await mustExist(id);
      const body = await readJson(c, UpdateUserRequestSchema);
      await transact(deps.db, async (trx) => {
        if (body.name !== undefined) await renameUser(trx, id, body.name);
        if (body.memberships) {
          const resolved = await resolveMemberships(trx, body.memberships, c.get('lang'));
          await replaceMemberships(trx, id, resolved);
        }
        if ((await countActiveAdmins(trx)) === 0) throw lastAdmin();
      });
      return c.json({ user: await mustExist(id) } satisfies UserResponse, 200);
    })
    .post('/:id/disable', async (c) => {
      const p = requirePrincipal(c);
      const id = idOf(c);
      await mustExist(id);
      await readNoBody(c);
      if (id === p.userId) throw new ApiError('INVALID_STATE', inBoth('admin.disableSelf'));
      const at = deps.now().toISOString();
      await transact(deps.db, async (trx) => {
        await setDisabled(trx, id, at);
        // Revoked, not merely filtered: enabling the account again does not revive them.
        await revokeUserCredentials(trx, id, at);
        if ((await countActiveAdmins(trx)) === 0) throw lastAdmin();
      });
      // Cached callers are dropped now, not when the request ends (bumpEpochs does it again).
      deps.cache.epochs.bumpAll();
      return c.json({ user: await mustExist(id) } satisfies UserResponse, 200);
    })
    .post('/:id/enable', async (c) => {
      const id = idOf(c);
      await mustExist(id);
      await readNoBody(c);
      await setDisabled(deps.db, id, null);
      return c.json({ user: await mustExist(id) } satisfies UserResponse, 200);
    })
    .put('/:id/password', async (c) => {
      const p = requirePrincipal(c);
      const id = idOf(c);
      const user = await mustExist(id);
      const body = await readJson(c, ResetPasswordRequestSchema);
      const hash = await deps.limits.hashing.run(`user:${p.userId}`, (derive) =>
        hashPassword(body.password, derive),
      );
      // The caller's own session survives resetting their own password; their tokens do not.
      const keep = p.userId === id ? p.credential : undefined;
      await transact(deps.db, async (trx) => {
        await setPasswordHash(trx, id, hash);
        await revokeUserCredentials(trx, id, deps.now().toISOString(), keep);
      });
      deps.cache.epochs.bumpAll();
      await deps.limits.logins.forgive(user.email);
      return c.body(null, 204);
    })
    .get('/:id/tokens', async (c) => {
      const id = idOf(c);
      await mustExist(id);
      return c.json(
        { tokens: await listTokens(deps.db, { userId: id }) } satisfies OwnedTokensResponse,
        200,
      );
    });
}
