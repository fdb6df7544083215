import {
  EntryIssueSchema,
  FileIssueSchema,
  RuleViolationIssueSchema,
  StaleVersionIssueSchema,
} from '@ptce/shared/error-issues.schema';
import { ErrorEnvelopeSchema, ErrorIssueSchema } from '@ptce/shared/errors.schema';
import { NarrativeConflictIssueSchema } from '@ptce/shared/narrative.schema';
import { z } from 'zod';
import type { RouteDoc } from './route-doc';

type Json = Record<string, unknown>;

const toSchema = (schema: z.core.$ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
};

/** An envelope whose issues are typed: the shape of the 409 and 422 answers. */
const envelopeOf = (codes: [string, ...string[]], issue: z.core.$ZodType) =>
  z.object({
    error: z.object({
      code: z.enum(codes),
      message: z.string(),
      issues: z.array(issue).optional(),
    }),
  });

/** The envelope schema (in components) of each status with typed issues. */
const ENVELOPES: Record<number, [name: string, schema: z.core.$ZodType]> = {
  409: [
    'ConflictEnvelope',
    envelopeOf(['CONFLICT'], z.union([StaleVersionIssueSchema, NarrativeConflictIssueSchema])),
  ],
  422: [
    'UnprocessableEnvelope',
    envelopeOf(
      ['INVALID_ENTRIES', 'RULE_VIOLATION', 'INVALID_STATE'],
      z.union([EntryIssueSchema, RuleViolationIssueSchema, FileIssueSchema, ErrorIssueSchema]),
    ),
  ],
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request (VALIDATION_FAILED or BAD_REQUEST), with issues',
  401: 'Not logged in, expired session or revoked token (UNAUTHENTICATED / INVALID_CREDENTIALS)',
  403: 'Role not allowed, read-only token, or cross-site write (FORBIDDEN / CSRF_REJECTED)',
  404: 'Not found, or outside the caller’s scope (same answer, so names do not leak)',
  409: 'Stale version (CONFLICT): issues list the current values; nothing written',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  415: 'Content type not accepted (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Refused by the domain (INVALID_ENTRIES, RULE_VIOLATION, INVALID_STATE), with issues; nothing written',
  423: 'The quarter is submitted or validated (LOCKED)',
  429: 'Too many attempts, or too many heavy requests of one account at once (RATE_LIMITED), see Retry-After',
  503: 'The server is busy with heavy work (SERVICE_UNAVAILABLE): every worker and its queue are taken, see Retry-After',
};

function operation(r: RouteDoc): Json {
  const params: Json[] = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (r.query) {
    const q = toSchema(r.query, 'input') as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema });
    }
  }
  const responses: Json = {};
  const ok = r.ok;
  responses[String(ok.status)] = ok.schema
    ? {
        description: ok.description,
        content: { 'application/json': { schema: toSchema(ok.schema, 'output') } },
      }
    : ok.file
      ? {
          description: ok.description,
          content: Object.fromEntries(
            ok.file.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
          ),
        }
      : { description: ok.description };
  for (const status of [...new Set([...r.errors, 500])]) {
    responses[String(status)] = {
      description:
        ERROR_TEXT[status] ?? 'Internal error (INTERNAL), details logged on the server only',
      content: {
        'application/json': {
          schema: { $ref: `#/components/schemas/${ENVELOPES[status]?.[0] ?? 'ErrorEnvelope'}` },
        },
      },
    };
  }
  const body = r.body
    ? 'raw' in r.body
      ? {
          required: true,
          description: r.body.description,
          content: Object.fromEntries(
            r.body.raw.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
          ),
        }
      : {
          required: true,
          content: { 'application/json': { schema: toSchema(r.body as z.core.$ZodType, 'input') } },
        }
    : undefined;
  return {
    tags: [r.tag],
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    operationId: `${r.method}${r.path
      .replace(/^\/api/, '')
      .replace(/[{}]/g, '')
      .replace(/[/.-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
    security: r.auth === 'public' ? [] : [{ cookieAuth: [] }, { bearerAuth: [] }],
  };
}

/** The OpenAPI 3.1 document of the API, built from the route docs and the shared zod schemas. */
export function openApiDocument(routes: RouteDoc[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) paths[r.path] = { ...paths[r.path], [r.method]: operation(r) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'ptce-suivi API',
      version,
      description:
        'Follow-up of French PTCEs: catalogue, poles, quarterly values, targets, workflow, exports. Quarters are `YYYYQn`; poles are addressed by slug; errors always use the envelope `{ "error": { "code", "message", "issues"? } }` with messages in the request language (French by default, `Accept-Language: en`).',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        ErrorEnvelope: toSchema(ErrorEnvelopeSchema, 'output'),
        ...Object.fromEntries(
          Object.values(ENVELOPES).map(([name, schema]) => [name, toSchema(schema, 'output')]),
        ),
      },
      securitySchemes: {
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'ptce_session',
          description: 'Set by POST /api/session. Writes must come from the same origin.',
        },
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A personal API token (POST /api/tokens), read-only unless created with write.',
        },
      },
    },
  };
}
