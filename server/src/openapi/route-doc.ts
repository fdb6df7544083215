import type { z } from 'zod';

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

// Schemas are zod's core type: the answers' shared schemas are zod/mini, the requests' classic.

/** One endpoint as documented in /api/openapi.json. */
export interface RouteDoc {
  method: Method;
  /** OpenAPI path with `{param}` placeholders, e.g. `/api/poles/{pole}/values`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** `public`: no credentials; otherwise a session cookie or a bearer token. */
  auth: 'public' | 'session';
  query?: z.core.$ZodType;
  /** A JSON body (zod schema) or a raw upload (content types). */
  body?: z.core.$ZodType | { raw: string[]; description: string };
  /** 2xx answers: a zod schema of the JSON, or a content type of a file. */
  ok: { status: number; description: string; schema?: z.core.$ZodType; file?: string[] };
  /** Error statuses this endpoint may answer (all with the error envelope). */
  errors: number[];
}
