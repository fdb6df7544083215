import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HashQueue } from '../auth/hash-queue';
import { clientAddress, gateLogins } from './login-gate';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server whose app holds every request until `release()`, counting what reached it. */
async function gated(perOwner: number) {
  const hashing = new HashQueue({
    concurrency: 1,
    maxWaiting: 4,
    perOwner,
    maxWaitMs: 3_000,
    halfLifeMs: 60_000,
  });
  const held: http.ServerResponse[] = [];
  const reached: string[] = [];
  const app: http.RequestListener = (req, res) => {
    reached.push(`${req.method} ${req.url}`);
    if (req.method === 'POST' && req.url === '/api/session') held.push(res);
    else res.end('ok');
  };
  const server = http.createServer(
    gateLogins({ limits: { hashing } as never, trustProxy: false }, app),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const release = () => {
    for (const res of held.splice(0)) res.end('done');
  };
  return { base, reached, release };
}

const login = (base: string, lang = 'fr') =>
  fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify({ email: 'x@y.test', password: 'nope' }),
  });

describe('gateLogins', () => {
  it('lets an address’s share of logins reach the app and refuses the rest at once with the 503 envelope', async () => {
    const g = await gated(3);
    const answers = Array.from({ length: 40 }, () => login(g.base));
    // The refusals come back while the admitted logins are still held by the app.
    const refused = await Promise.all(answers.slice(3));
    expect(g.reached.filter((r) => r.startsWith('POST'))).toHaveLength(3);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('3');
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.error.message).toMatch(/réessayez/);
    }
    // Other requests are never held back by the gate.
    expect(await (await fetch(`${g.base}/`)).text()).toBe('ok');
    g.release();
    expect((await Promise.all(answers.slice(0, 3))).map((r) => r.status)).toEqual([200, 200, 200]);
    // Their places are free again once answered.
    const next = login(g.base);
    await expect.poll(() => g.reached.filter((r) => r.startsWith('POST')).length).toBe(4);
    g.release();
    expect((await next).status).toBe(200);
  });

  it('answers the refusal in English when asked', async () => {
    const g = await gated(0);
    const r = await login(g.base, 'en-GB,en;q=0.9');
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/busy/);
    expect(g.reached).toEqual([]);
  });

  it('gates only POST /api/session', async () => {
    const g = await gated(0);
    for (const path of ['/api/sessions', '/api/session/x', '/api/sessionx'])
      expect((await fetch(`${g.base}${path}`, { method: 'POST', body: '{}' })).status).not.toBe(
        503,
      );
    expect(
      (await fetch(`${g.base}/api/session?lang=en`, { method: 'POST', body: '{}' })).status,
    ).toBe(503);
    expect(g.reached).toEqual(['POST /api/sessions', 'POST /api/session/x', 'POST /api/sessionx']);
  });

  it('keys addresses as the throttles do, trusting X-Forwarded-For only behind a proxy', () => {
    expect(clientAddress('203.0.113.9, 10.0.0.1', '::ffff:127.0.0.1', false)).toBe('127.0.0.1');
    expect(clientAddress('203.0.113.9, 10.0.0.1', '::ffff:127.0.0.1', true)).toBe('203.0.113.9');
    expect(clientAddress(undefined, undefined, true)).toBe('local');
  });
});
