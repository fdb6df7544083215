import { CatalogueSchema } from '@ptce/shared/catalogue.schema';
import { ExportQuerySchema } from '@ptce/shared/exports.schema';
import { QuarterSchema } from '@ptce/shared/periods';
import {
  PeriodActionRequestSchema,
  PeriodEventSchema,
  PeriodStateSchema,
} from '@ptce/shared/periods.schema';
import { PoleSchema, PoleSummarySchema } from '@ptce/shared/poles.schema';
import { LoginRequestSchema, RoleSchema, SessionResponseSchema } from '@ptce/shared/session.schema';
import {
  SaveTargetsRequestSchema,
  TargetSchema,
  TargetsQuerySchema,
} from '@ptce/shared/targets.schema';
import {
  ApiTokenSchema,
  CreateTokenRequestSchema,
  CreateUserRequestSchema,
} from '@ptce/shared/users.schema';
import {
  HistoryEntrySchema,
  HistoryQuerySchema,
  SaveValuesRequestSchema,
  SaveValuesResponseSchema,
  StoredValueSchema,
  ValuesQuerySchema,
} from '@ptce/shared/values.schema';
import { z } from 'zod';
import type { RouteDoc } from './route-doc';

const Range = z.strictObject({ from: QuarterSchema.optional(), to: QuarterSchema.optional() });
const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  memberships: z.array(
    z.object({ role: RoleSchema, pole: z.string().nullable(), region: z.string().nullable() }),
  ),
});
const W = [401, 403, 404];

/** The endpoints of DESIGN.md's API contract. */
export const CORE_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/session',
    tag: 'Session',
    summary: 'Log in',
    description:
      'Sets an HttpOnly, SameSite=Lax session cookie. Failed attempts are limited per account and per address (429 with Retry-After).',
    auth: 'public',
    body: LoginRequestSchema,
    ok: { status: 200, description: 'Logged in', schema: SessionResponseSchema },
    errors: [400, 401, 403, 415, 429],
  },
  {
    method: 'get',
    path: '/api/session',
    tag: 'Session',
    summary: 'Who am I',
    auth: 'session',
    ok: { status: 200, description: 'The caller, roles and scopes', schema: SessionResponseSchema },
    errors: [401],
  },
  {
    method: 'delete',
    path: '/api/session',
    tag: 'Session',
    summary: 'Log out (revokes the session)',
    auth: 'public',
    ok: { status: 204, description: 'Logged out' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/tokens',
    tag: 'Session',
    summary: 'My API tokens',
    auth: 'session',
    ok: {
      status: 200,
      description: 'Tokens (never their secrets)',
      schema: z.object({ tokens: z.array(ApiTokenSchema) }),
    },
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/tokens',
    tag: 'Session',
    summary: 'Create an API token',
    description:
      'The secret is in this answer only. Read-only unless `write: true`. Needs a session cookie (a token cannot create tokens).',
    auth: 'session',
    body: CreateTokenRequestSchema,
    ok: {
      status: 201,
      description: 'Created',
      schema: z.object({ token: ApiTokenSchema, secret: z.string() }),
    },
    errors: [400, 401, 403],
  },
  {
    method: 'delete',
    path: '/api/tokens/{id}',
    tag: 'Session',
    summary: 'Revoke one of my API tokens',
    auth: 'session',
    ok: { status: 204, description: 'Revoked' },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/catalogue',
    tag: 'Catalogue',
    summary: 'The indicator catalogue',
    description:
      'Units, kinds, breakdowns, definitions; `retired` lists codes kept only for stored values.',
    auth: 'public',
    ok: {
      status: 200,
      description: 'The catalogue',
      schema: CatalogueSchema.extend({ retired: z.array(z.string()) }),
    },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/poles',
    tag: 'Poles',
    summary: 'The poles in my scope',
    auth: 'session',
    ok: {
      status: 200,
      description: 'Poles',
      schema: z.object({ poles: z.array(PoleSummarySchema) }),
    },
    errors: [401],
  },
  {
    method: 'get',
    path: '/api/poles/{pole}',
    tag: 'Poles',
    summary: 'One pole with its scopes and their indicators',
    description: 'A pole outside the caller scope answers 404, like a missing one.',
    auth: 'session',
    ok: {
      status: 200,
      description: 'The pole',
      schema: PoleSchema.extend({ roles: z.array(RoleSchema) }),
    },
    errors: W,
  },
  {
    method: 'get',
    path: '/api/poles/{pole}/values',
    tag: 'Values',
    summary: 'Entered values',
    auth: 'session',
    query: ValuesQuerySchema,
    ok: {
      status: 200,
      description: 'Values',
      schema: z.object({ pole: z.string(), values: z.array(StoredValueSchema) }),
    },
    errors: [400, ...W],
  },
  {
    method: 'put',
    path: '/api/poles/{pole}/values',
    tag: 'Values',
    summary: 'Save a quarter’s batch, all or nothing',
    description:
      '`value: null` clears. 409 lists stale versions with the current values; 422 INVALID_ENTRIES lists catalogue misfits; 422 RULE_VIOLATION lists consistency errors (each changed entry involved needs an `overrideReason`); 423 when the quarter is submitted or validated. Coordinator of the pole.',
    auth: 'session',
    body: SaveValuesRequestSchema,
    ok: {
      status: 200,
      description: 'Saved; warnings and overridden rules',
      schema: SaveValuesResponseSchema,
    },
    errors: [400, ...W, 409, 413, 415, 422, 423],
  },
  {
    method: 'get',
    path: '/api/poles/{pole}/history',
    tag: 'Values',
    summary: 'Every change to the matching values, newest first',
    description: 'Pages with `limit` and `before` (the previous answer’s `nextBefore`).',
    auth: 'session',
    query: HistoryQuerySchema,
    ok: {
      status: 200,
      description: 'History',
      schema: z.object({
        history: z.array(HistoryEntrySchema),
        nextBefore: z.number().int().nullable(),
      }),
    },
    errors: [400, ...W],
  },
  {
    method: 'get',
    path: '/api/poles/{pole}/targets',
    tag: 'Targets',
    summary: 'Yearly targets',
    auth: 'session',
    query: TargetsQuerySchema,
    ok: {
      status: 200,
      description: 'Targets',
      schema: z.object({ year: z.number().int(), targets: z.array(TargetSchema) }),
    },
    errors: [400, ...W],
  },
  {
    method: 'put',
    path: '/api/poles/{pole}/targets',
    tag: 'Targets',
    summary: 'Set yearly targets, all or nothing (`value: null` removes)',
    auth: 'session',
    body: SaveTargetsRequestSchema,
    ok: {
      status: 200,
      description: 'Targets of the year',
      schema: z.object({ year: z.number().int(), targets: z.array(TargetSchema) }),
    },
    errors: [400, ...W, 415, 422],
  },
  {
    method: 'get',
    path: '/api/poles/{pole}/periods',
    tag: 'Quarters',
    summary: 'Quarter states and completeness',
    auth: 'session',
    query: Range,
    ok: {
      status: 200,
      description: 'States per quarter',
      schema: z.object({
        deadlineDays: z.number().int(),
        periods: z.array(
          PeriodStateSchema.extend({
            scopes: z.array(
              z.object({ scope: z.string(), filled: z.number().int(), expected: z.number().int() }),
            ),
          }),
        ),
      }),
    },
    errors: [400, ...W],
  },
  {
    method: 'get',
    path: '/api/poles/{pole}/periods/{period}/events',
    tag: 'Quarters',
    summary: 'Workflow log of a quarter',
    auth: 'session',
    ok: {
      status: 200,
      description: 'Events, newest first',
      schema: z.object({ events: z.array(PeriodEventSchema) }),
    },
    errors: [400, ...W],
  },
  {
    method: 'post',
    path: '/api/poles/{pole}/periods/{period}/submit',
    tag: 'Quarters',
    summary: 'Submit a draft quarter (coordinator)',
    auth: 'session',
    body: PeriodActionRequestSchema,
    ok: { status: 200, description: 'New state', schema: PeriodStateSchema },
    errors: [400, ...W, 422],
  },
  {
    method: 'post',
    path: '/api/poles/{pole}/periods/{period}/validate',
    tag: 'Quarters',
    summary: 'Validate a submitted quarter, which locks it (CRESS)',
    auth: 'session',
    body: PeriodActionRequestSchema,
    ok: { status: 200, description: 'New state', schema: PeriodStateSchema },
    errors: [400, ...W, 422],
  },
  {
    method: 'post',
    path: '/api/poles/{pole}/periods/{period}/reopen',
    tag: 'Quarters',
    summary: 'Send back or reopen a quarter with a written reason (CRESS, admin)',
    auth: 'session',
    body: PeriodActionRequestSchema,
    ok: { status: 200, description: 'New state', schema: PeriodStateSchema },
    errors: [400, ...W, 422],
  },
  {
    method: 'get',
    path: '/api/exports/values',
    tag: 'Exports',
    summary: 'The aggregated export',
    description:
      'Long format, one row per number: region, pole, scope, indicator, unit, period, slice, value, status, complete. csv: RFC 4180; csv-fr: `;`, decimal comma, UTF-8 BOM, CRLF; xlsx: a sheet per scope (or level), numeric cells, plus Colonnes and Manifeste sheets; json: `{ manifest, rows }`. csv and json stream. Defaults: to = current quarter, from = two years before, by = quarter, level = scope.',
    auth: 'session',
    query: ExportQuerySchema,
    ok: {
      status: 200,
      description: 'The export file',
      file: [
        'text/csv',
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/exports/manifest',
    tag: 'Exports',
    summary:
      'The manifest of an export (when, by whom, filters, row count, SHA-256 of the data rows)',
    auth: 'session',
    query: ExportQuerySchema,
    ok: {
      status: 200,
      description: 'Manifest',
      schema: z.object({
        generatedAt: z.string(),
        generatedBy: z.object({ name: z.string(), email: z.string() }),
        filters: z.record(z.string(), z.unknown()),
        catalogueVersion: z.string(),
        columns: z.array(z.string()),
        rowCount: z.number().int(),
        sha256: z.string(),
        notes: z.array(z.string()),
      }),
    },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/users',
    tag: 'Administration',
    summary: 'Accounts (admin)',
    auth: 'session',
    ok: { status: 200, description: 'Users', schema: z.object({ users: z.array(UserSchema) }) },
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/api/users',
    tag: 'Administration',
    summary: 'Create an account (admin)',
    auth: 'session',
    body: CreateUserRequestSchema,
    ok: { status: 201, description: 'Created', schema: z.object({ user: UserSchema }) },
    errors: [400, 401, 403, 409, 415, 422],
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Documentation',
    summary: 'This document',
    auth: 'public',
    ok: { status: 200, description: 'OpenAPI 3.1' },
    errors: [],
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'Documentation',
    summary: 'A readable API reference',
    auth: 'public',
    ok: { status: 200, description: 'HTML page', file: ['text/html'] },
    errors: [],
  },
];
