import type { ErrorCode } from '@ptce/shared/errors.schema';
import type { SessionResponse } from '@ptce/shared/session.schema';
import * as z from 'zod/mini';

// The login page's wire shapes, in zod/mini: the first load parses the session and the error
// envelope without zod's classic API (about 20 KB of gzipped JS: every classic schema carries
// all of its methods). They mirror shared/src/session.schema.ts SessionResponseSchema and
// shared/src/errors.schema.ts ErrorEnvelopeSchema, which stay the source of truth:
// session-wire.test.ts checks that both give the same JSON Schema.

const ROLES = ['coordinator', 'board', 'cress', 'admin'] as const;

const Slug = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug: lower-case letters, digits and dashes'),
  );
const RegionCode = z
  .string()
  .check(
    z.minLength(2),
    z.maxLength(16),
    z.regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'region code: capitals and digits'),
  );

/** `GET` and `POST /api/session`. */
export const SessionWireSchema: z.ZodMiniType<SessionResponse> = z.object({
  user: z.object({
    id: z.int(),
    email: z.string(),
    name: z.string(),
    memberships: z.array(
      z.object({ role: z.enum(ROLES), pole: z.nullable(Slug), region: z.nullable(RegionCode) }),
    ),
  }),
  expiresAt: z.nullable(z.string()),
});

const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'CSRF_REJECTED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID_ENTRIES',
  'RULE_VIOLATION',
  'INVALID_STATE',
  'LOCKED',
  'RATE_LIMITED',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
] as const satisfies readonly ErrorCode[];

/** The one error envelope of every non-2xx answer. */
export const ErrorEnvelopeWireSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.optional(
      z.array(
        z.catchall(
          z.object({
            path: z.optional(z.array(z.union([z.string(), z.number()]))),
            code: z.string(),
            message: z.string(),
          }),
          z.unknown(),
        ),
      ),
    ),
  }),
});
