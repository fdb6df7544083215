import { ERROR_CODES, ERROR_STATUS, ErrorIssueSchema } from '@ptce/shared/errors.schema';
import { z } from 'zod';
import { ORIGIN } from '../test-support/client';
import { changedTables, fingerprint } from './db-fingerprint';
import type { FuzzInstance } from './fuzz-instance';
import { preview } from './json-text';

/** One generated request. `path` includes the query string. */
export interface FuzzRequest {
  /** The documented route it targets (`GET /api/poles/{pole}`), for the tally. */
  route: string;
  method: string;
  path: string;
  caller: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const Envelope = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string().min(1),
    issues: z.array(ErrorIssueSchema).optional(),
  }),
});

/** What an error answer must never show: driver errors, SQL engine words, stack frames. */
const LEAKS =
  /SQLITE_|sqlite3|syntax error|no such (table|column)|constraint failed|\bat [\w$.<>]+ \(|\.[cm]?[jt]s:\d+|node_modules|ZodError|TypeError|RangeError|ReferenceError|Cannot read prop/i;

/** Header values as fetch accepts them (Latin-1, no control characters). */
export const latin1 = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

function describe(req: FuzzRequest, status: number, text: string, problem: string): string {
  return [
    problem,
    `  ${req.method} ${preview(req.path, 400)} as ${req.caller}`,
    `  headers: ${preview(JSON.stringify(req.headers), 400)}`,
    `  body: ${preview(req.body)}`,
    `  → ${status} ${preview(text, 600)}`,
  ].join('\n');
}

/**
 * Sends `req` to the app and checks the contract of DESIGN.md "bad input": no 5xx; an error is
 * exactly the envelope with a known code matching the status, leaking nothing; a refused
 * request changes no table (sessions included); nothing reaches Object.prototype.
 * A successful write is followed by `heal()` so the callers stay logged in.
 * @throws Error describing the request and the answer when the contract is broken.
 */
export async function sendAndCheck(
  fi: Pick<FuzzInstance, 't' | 'callers' | 'heal'>,
  req: FuzzRequest,
): Promise<number> {
  const caller = fi.callers[req.caller]!;
  // The request's own (forged) credentials win over the caller's.
  const headers: Record<string, string> = {
    ...(caller.cookie ? { cookie: caller.cookie } : {}),
    ...(caller.authorization ? { authorization: caller.authorization } : {}),
    ...req.headers,
  };
  const before = await fingerprint(fi.t);
  const res = await fi.t.app.request(`${ORIGIN}${req.path}`, {
    method: req.method,
    headers,
    body: req.body as BodyInit | undefined,
  });
  const text = await res.text();
  const after = await fingerprint(fi.t);
  const fail = (problem: string) => new Error(describe(req, res.status, text, problem));

  if (res.status >= 500) throw fail('5xx answer');
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined)
    throw fail('Object.prototype polluted');
  if (res.status >= 400) {
    if (!/^application\/json\b/.test(res.headers.get('content-type') ?? ''))
      throw fail('error answer is not JSON');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw fail('error answer is not JSON');
    }
    const envelope = Envelope.safeParse(body);
    if (!envelope.success) throw fail('error answer is not the envelope');
    if (ERROR_STATUS[envelope.data.error.code] !== res.status)
      throw fail(`code ${envelope.data.error.code} does not match the status`);
    if (LEAKS.test(text)) throw fail('error answer leaks internals');
    const changed = changedTables(before, after);
    if (changed.length > 0)
      throw fail(`refused request changed the database: ${changed.join('; ')}`);
  } else if (req.method !== 'GET') {
    await fi.heal();
  }
  return res.status;
}
