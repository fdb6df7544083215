import type { TestInstance } from './test-instance';
import { PASSWORD } from './test-instance';

export const ORIGIN = 'http://localhost';

/** A JSON request through the real app (no network), with an optional cookie or bearer token. */
export async function call(
  t: TestInstance,
  method: string,
  path: string,
  opts: {
    body?: unknown;
    raw?: string;
    cookie?: string;
    bearer?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined || opts.raw !== undefined)
    headers['content-type'] ??= 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
  const res = await t.app.request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Logs in and returns the session cookie (`name=value`). */
export async function login(t: TestInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await call(t, 'POST', '/api/session', { body: { email, password } });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  const set = res.headers.get('set-cookie') ?? '';
  return set.split(';')[0]!;
}
