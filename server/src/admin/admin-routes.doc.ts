import {
  CreateGroupRequestSchema,
  CreatePoleRequestSchema,
  CreateRegionRequestSchema,
  RegionResponseSchema,
  RegionsResponseSchema,
  ResetPasswordRequestSchema,
  SetIndicatorsRequestSchema,
  TokensQuerySchema,
  UpdatePoleRequestSchema,
  UpdateScopeRequestSchema,
  UpdateUserRequestSchema,
} from '@ptce/shared/admin.schema';
import { PoleResponseSchema, ScopeResponseSchema } from '@ptce/shared/poles.schema';
import { OwnedTokensResponseSchema, UserResponseSchema } from '@ptce/shared/users.schema';
import type { RouteDoc } from '../openapi/route-doc';

const admin = (r: Omit<RouteDoc, 'tag' | 'auth'>): RouteDoc => ({
  ...r,
  tag: 'Administration',
  auth: 'session',
  description: `${r.description ? `${r.description} ` : ''}Admin only: any other role gets 403 before anything is looked up.`,
});

/** The administration API (`/api/admin/*`). */
export const ADMIN_ROUTES: RouteDoc[] = [
  admin({
    method: 'get',
    path: '/api/admin/regions',
    summary: 'Regions with their number of poles',
    ok: { status: 200, description: 'Regions', schema: RegionsResponseSchema },
    errors: [401, 403],
  }),
  admin({
    method: 'post',
    path: '/api/admin/regions',
    summary: 'Create a region',
    body: CreateRegionRequestSchema,
    ok: { status: 201, description: 'Created', schema: RegionResponseSchema },
    errors: [400, 401, 403, 409, 415],
  }),
  admin({
    method: 'post',
    path: '/api/admin/poles',
    summary: 'Create a pole',
    description: 'The pole gets its pole-level scope (`pole`), tracking no indicator yet.',
    body: CreatePoleRequestSchema,
    ok: { status: 201, description: 'Created', schema: PoleResponseSchema },
    errors: [400, 401, 403, 409, 415, 422],
  }),
  admin({
    method: 'patch',
    path: '/api/admin/poles/{pole}',
    summary: 'Change the name, territory or region of a pole',
    description: 'The slug never changes (addresses, exports and scripts use it).',
    body: UpdatePoleRequestSchema,
    ok: { status: 200, description: 'Changed', schema: PoleResponseSchema },
    errors: [400, 401, 403, 404, 415, 422],
  }),
  admin({
    method: 'post',
    path: '/api/admin/poles/{pole}/scopes',
    summary: 'Add a working group to a pole',
    description:
      'The slug cannot be `pole`, `transversal` or `non_renseigne` (members of the working-group breakdown).',
    body: CreateGroupRequestSchema,
    ok: { status: 201, description: 'Created', schema: ScopeResponseSchema },
    errors: [400, 401, 403, 404, 409, 415, 422],
  }),
  admin({
    method: 'patch',
    path: '/api/admin/poles/{pole}/scopes/{scope}',
    summary: 'Rename a scope (working group or the pole scope)',
    body: UpdateScopeRequestSchema,
    ok: { status: 200, description: 'Renamed', schema: ScopeResponseSchema },
    errors: [400, 401, 403, 404, 415],
  }),
  admin({
    method: 'put',
    path: '/api/admin/poles/{pole}/scopes/{scope}/indicators',
    summary: 'Set the indicators a scope tracks, in order',
    description:
      'Known catalogue codes; a retired code may stay where it is tracked but not be added. Values of an indicator taken off are kept.',
    body: SetIndicatorsRequestSchema,
    ok: { status: 200, description: 'Set', schema: ScopeResponseSchema },
    errors: [400, 401, 403, 404, 415, 422],
  }),
  admin({
    method: 'patch',
    path: '/api/admin/users/{id}',
    summary: 'Change the name or the memberships of an account',
    description:
      'Memberships are replaced as a whole and apply at the next request. One enabled admin always remains (422).',
    body: UpdateUserRequestSchema,
    ok: { status: 200, description: 'Changed', schema: UserResponseSchema },
    errors: [400, 401, 403, 404, 415, 422],
  }),
  admin({
    method: 'post',
    path: '/api/admin/users/{id}/disable',
    summary: 'Disable an account',
    description:
      'Its sessions are revoked and its API tokens stop working; one cannot disable oneself (422). No body, or `{}`.',
    ok: { status: 200, description: 'Disabled', schema: UserResponseSchema },
    errors: [400, 401, 403, 404, 415, 422],
  }),
  admin({
    method: 'post',
    path: '/api/admin/users/{id}/enable',
    summary: 'Enable an account again',
    description: 'Its unrevoked API tokens work again; old sessions stay closed. No body, or `{}`.',
    ok: { status: 200, description: 'Enabled', schema: UserResponseSchema },
    errors: [400, 401, 403, 404, 415],
  }),
  admin({
    method: 'put',
    path: '/api/admin/users/{id}/password',
    summary: 'Set a new password for an account',
    description:
      'Its open sessions are revoked (except the caller’s own) and its login lock-out is lifted.',
    body: ResetPasswordRequestSchema,
    ok: { status: 204, description: 'Changed' },
    errors: [400, 401, 403, 404, 415],
  }),
  admin({
    method: 'get',
    path: '/api/admin/users/{id}/tokens',
    summary: 'The API tokens of one account',
    ok: { status: 200, description: 'Tokens, newest first', schema: OwnedTokensResponseSchema },
    errors: [400, 401, 403, 404],
  }),
  admin({
    method: 'get',
    path: '/api/admin/tokens',
    summary: 'Every account’s API tokens',
    query: TokensQuerySchema,
    ok: {
      status: 200,
      description: 'Tokens, newest first, with their owner',
      schema: OwnedTokensResponseSchema,
    },
    errors: [400, 401, 403],
  }),
  admin({
    method: 'delete',
    path: '/api/admin/tokens/{id}',
    summary: 'Revoke anyone’s API token',
    ok: { status: 204, description: 'Revoked' },
    errors: [400, 401, 403, 404],
  }),
];
