import * as z from 'zod/mini';

// zod/mini: the web parses every error answer with it (see docs/decisions.md, "Wire shapes
// in zod/mini"); a classic schema carries all its methods into the first load.

/** The closed set of error codes of the API, with their HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_ENTRIES: 422,
  RULE_VIOLATION: 422,
  INVALID_STATE: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
const ErrorCodeSchema = z.enum(ERROR_CODES);

/** One problem with a request: where (`path`), what (`code`), in words (`message`), plus details. */
export const ErrorIssueSchema = z.catchall(
  z.object({
    path: z.optional(z.array(z.union([z.string(), z.number()]))),
    code: z.string(),
    message: z.string(),
  }),
  z.unknown(),
);
export type ErrorIssue = z.infer<typeof ErrorIssueSchema>;

/** The one error envelope of every non-2xx answer. */
export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    issues: z.optional(z.array(ErrorIssueSchema)),
  }),
});
