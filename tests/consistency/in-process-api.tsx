import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApp } from '../../server/src/app';
import { readEnv } from '../../server/src/env';
import { openInstance } from '../../server/src/instance';

/** The clock of the demo: its last complete quarter is 2026Q3. */
const NOW = new Date('2026-11-29T10:00:00Z');

/**
 * A new instance with the demo pole, values and accounts, served in-process: the same app
 * `npm start` runs, on a temporary SQLite file.
 */
export async function openDemo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-truth-'));
  const env = readEnv({ PTCE_DB: path.join(dir, 'demo.sqlite'), PTCE_DEMO: '1' });
  const instance = await openInstance(env, () => NOW);
  const app = createApp(instance.deps);
  const passwords = new Map(instance.demoAccounts.map((a) => [a.email, a.password]));
  return {
    app,
    /** Logs a demo account in; returns its session cookie. */
    async login(email: string): Promise<string> {
      const res = await app.request('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: passwords.get(email) }),
      });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    },
    async close() {
      await instance.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the helpers below need of an app: Hono's `request`. */
interface App {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}

/** Makes the web's API client (global `fetch`) reach `app` in-process as the given session. */
export function actAs(app: App, cookie: string) {
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    return app.request(String(input), { ...init, headers });
  }) as typeof fetch;
}

/** A JSON answer of the API as `cookie` (throws unless 200). */
// biome-ignore lint/suspicious/noExplicitAny: the tests read answers field by field
export async function getJson(app: App, cookie: string, pathname: string): Promise<any> {
  const res = await app.request(pathname, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${pathname}: ${res.status}`);
  return res.json();
}

/** The JSON export's rows for `query` (level, by, from… in the query string). */
export async function exportRows(app: App, cookie: string, query: string): Promise<AggregateRow[]> {
  const res = await app.request(`/api/exports/values?format=json&${query}`, {
    headers: { cookie },
  });
  if (res.status !== 200) throw new Error(`export ${query}: ${res.status} ${await res.text()}`);
  return (JSON.parse(await res.text()) as { rows: AggregateRow[] }).rows;
}

/**
 * Runs a web data hook inside the real TanStack Query provider until it has its data, and
 * returns that data (what the page would render). Throws the hook's error.
 */
export async function settle<T>(hook: () => { data: T | undefined; error: unknown }): Promise<T> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result, unmount } = renderHook(hook, { wrapper });
  await waitFor(
    () => {
      if (result.current.error) throw result.current.error;
      if (result.current.data === undefined) throw new Error('still loading');
    },
    { timeout: 30_000 },
  );
  const data = result.current.data as T;
  unmount();
  client.clear();
  return data;
}
