import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, login } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { warmUp } from './warm-up';

let t: TestInstance;
beforeEach(async () => {
  t = await createTestInstance();
});
afterEach(async () => {
  await t.close();
});

/** The app's listener, recording what it was asked and what it answered. */
function recorded(listener: RequestListener = getRequestListener(t.app.fetch)) {
  const seen: Array<{ url: string; status: number; body: Buffer }> = [];
  const wrapped: RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: Buffer, ...rest: never[]) => {
      chunks.push(Buffer.from(chunk));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: Buffer, ...rest: never[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
      seen.push({ url: req.url ?? '', status: res.statusCode, body: Buffer.concat(chunks) });
      return end(chunk, ...rest);
    }) as typeof res.end;
    return listener(req, res);
  };
  return { seen, listener: wrapped };
}

describe('warmUp', () => {
  it("reads every pole's default dashboard through the listener, as a caller then forgotten", async () => {
    await seedValues(t, 'henin-carvin', [
      ['mobilite-sociale', 'MS-SORTIES', '2026Q2', 12],
      ['mobilite-sociale', 'MS-SORTIES', '2026Q3', 15],
    ]);
    const setPrincipal = vi.spyOn(t.deps.cache, 'setPrincipal');
    const { seen, listener } = recorded();
    const w = await warmUp(listener, t.deps, { budgetMs: 10_000, rounds: 2, connections: 3 });
    expect(w).toMatchObject({ requests: 6, failed: 0, poles: 3, of: 3 });
    // The web's default range on the test clock (29 Nov 2026): 2023Q4–2026Q3.
    const range = '/series?from=2023Q4&to=2026Q3';
    expect(new Set(seen.map((s) => s.url))).toEqual(
      new Set(
        ['henin-carvin', 'demo-littoral', 'autre-pole'].map((p) => `/api/poles/${p}${range}`),
      ),
    );
    expect(seen.every((s) => s.status === 200)).toBe(true);
    // The answer is the one a board member of the pole reads.
    const board = await login(t, 'board@hc.test');
    const read = await call(t, 'GET', `/api/poles/henin-carvin${range}`, { cookie: board });
    expect(read.status).toBe(200);
    const warm = seen.find((s) => s.url.startsWith('/api/poles/henin-carvin/'))!;
    expect(JSON.parse(warm.body.toString())).toEqual(read.json);
    expect(JSON.stringify(read.json)).toContain('15');
    // Its caller is gone: the credential the warm-up cached is no longer known.
    const credential = setPrincipal.mock.calls[0]![0];
    expect(setPrincipal.mock.calls[0]![1]).toMatchObject({ canWrite: false, userId: 0 });
    expect(t.deps.cache.principal(credential, Date.now())).toBeUndefined();
  });

  it("carries the public URL's host, which the host guard requires", async () => {
    t.deps.publicUrl = new URL('https://suivi.example.org');
    const refused = await warmUp(recorded().listener, t.deps, { budgetMs: 10_000, rounds: 1 });
    expect(refused).toMatchObject({ requests: 3, failed: 3 });
    const served = await warmUp(recorded().listener, t.deps, {
      budgetMs: 10_000,
      rounds: 1,
      host: 'suivi.example.org',
    });
    expect(served).toMatchObject({ requests: 3, failed: 0 });
  });

  it('does nothing without a budget, and stops starting requests at its end', async () => {
    const none = recorded();
    expect(await warmUp(none.listener, t.deps, { budgetMs: 0 })).toMatchObject({ requests: 0 });
    expect(none.seen).toEqual([]);
    // Each answer takes 30 ms: a 50 ms budget starts the first wave (2 connections), not more.
    const inner = getRequestListener(t.app.fetch);
    const slow: RequestListener = (req, res) => {
      setTimeout(() => inner(req, res), 30);
    };
    const w = await warmUp(slow, t.deps, { budgetMs: 50, rounds: 10, connections: 2 });
    expect(w.requests).toBeGreaterThanOrEqual(2);
    expect(w.requests).toBeLessThan(10);
  });

  it('counts failed answers and never throws for them', async () => {
    const failing: RequestListener = (_req, res) => {
      res.statusCode = 500;
      res.end('no');
    };
    expect(await warmUp(failing, t.deps, { budgetMs: 10_000, rounds: 1 })).toMatchObject({
      requests: 3,
      failed: 3,
    });
  });
});
