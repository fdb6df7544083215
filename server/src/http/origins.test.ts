import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hostAllowed, isHttps, type OriginSettings, originAllowed, requestOrigin } from './origins';

const LOCAL: OriginSettings = { allowedOrigins: [], trustProxy: false };
const PUBLIC: OriginSettings = {
  allowedOrigins: ['https://outil.cress-hdf.org'],
  trustProxy: false,
  publicUrl: new URL('https://suivi.cress-hdf.org'),
};

/** What the rules say of a request with these headers, accepted on port 3000 by the adapter. */
async function judge(s: OriginSettings, headers: Record<string, string>, origin = '') {
  const app = new Hono().get('/', (c) =>
    c.json({
      host: hostAllowed(c, s),
      origin: originAllowed(c, s, origin),
      own: requestOrigin(c, s),
      https: isHttps(c, s),
    }),
  );
  const res = await app.request(
    'http://127.0.0.1:3000/',
    { headers },
    {
      incoming: { socket: { localPort: 3000 } },
    },
  );
  return (await res.json()) as { host: boolean; origin: boolean; own: string; https: boolean };
}

describe('hosts served', () => {
  it.each([
    ['localhost:3000', true],
    ['127.0.0.1:3000', true],
    ['[::1]:3000', true],
    ['192.168.1.10:3000', true],
    ['app.localhost', true],
    ['evil.example', false],
    ['localhost.evil.test', false],
    ['suivi.cress-hdf.org', false],
    ['evil.example/x', false],
    ['user@127.0.0.1', false],
  ])('without a public URL, Host %s → %s', async (host, ok) => {
    expect((await judge(LOCAL, { host })).host).toBe(ok);
  });

  it.each([
    ['suivi.cress-hdf.org', true],
    ['SUIVI.cress-hdf.org:443', true],
    ['suivi.cress-hdf.org:8443', false],
    ['evil.example', false],
    ['127.0.0.1:3000', false],
    ['localhost:3000', false],
  ])('with https://suivi.cress-hdf.org, Host %s → %s', async (host, ok) => {
    expect((await judge(PUBLIC, { host })).host).toBe(ok);
  });

  it('reads X-Forwarded-Host behind a trusted proxy only', async () => {
    const forwarded = { host: '127.0.0.1:3000', 'x-forwarded-host': 'suivi.cress-hdf.org' };
    expect((await judge(PUBLIC, forwarded)).host).toBe(false);
    expect((await judge({ ...PUBLIC, trustProxy: true }, forwarded)).host).toBe(true);
    expect(
      (
        await judge(
          { ...PUBLIC, trustProxy: true },
          { ...forwarded, 'x-forwarded-host': 'evil.example' },
        )
      ).host,
    ).toBe(false);
  });
});

describe('origins allowed to write with the cookie', () => {
  it('never trusts an origin because it matches the Host (DNS rebinding)', async () => {
    const evil = { host: 'evil.example' };
    expect((await judge(LOCAL, evil, 'http://evil.example')).origin).toBe(false);
    expect((await judge(PUBLIC, evil, 'http://evil.example')).origin).toBe(false);
    expect((await judge(PUBLIC, evil, 'https://evil.example')).origin).toBe(false);
  });

  it('with a public URL: its origin and PTCE_ORIGINS, nothing else', async () => {
    const h = { host: 'suivi.cress-hdf.org' };
    expect((await judge(PUBLIC, h, 'https://suivi.cress-hdf.org')).origin).toBe(true);
    expect((await judge(PUBLIC, h, 'https://outil.cress-hdf.org')).origin).toBe(true);
    expect((await judge(PUBLIC, h, 'http://suivi.cress-hdf.org')).origin).toBe(false);
    expect((await judge(PUBLIC, h, 'http://localhost:3000')).origin).toBe(false);
    expect((await judge(PUBLIC, h, 'null')).origin).toBe(false);
  });

  it('without: loopback on the listening port, and the page of an IP literal it is asked on', async () => {
    const lan = { host: '192.168.1.10:3000' };
    expect((await judge(LOCAL, lan, 'http://192.168.1.10:3000')).origin).toBe(true);
    expect((await judge(LOCAL, lan, 'http://192.168.1.66:3000')).origin).toBe(false);
    expect((await judge(LOCAL, lan, 'http://localhost:3000')).origin).toBe(true);
    expect((await judge(LOCAL, lan, 'http://localhost:8888')).origin).toBe(false);
    expect((await judge(LOCAL, { host: 'localhost:5173' }, 'http://localhost:5173')).origin).toBe(
      true,
    );
    expect((await judge(LOCAL, lan, 'null')).origin).toBe(false);
    expect((await judge(LOCAL, lan, 'http://192.168.1.10:3000/path')).origin).toBe(false);
  });
});

describe('https as seen by the server', () => {
  it('X-Forwarded-Proto behind a trusted proxy, else the public URL, else plain http', async () => {
    const xfp = { host: '127.0.0.1:3000', 'x-forwarded-proto': 'https' };
    expect((await judge(LOCAL, xfp)).https).toBe(false);
    expect((await judge({ ...LOCAL, trustProxy: true }, xfp)).https).toBe(true);
    expect(
      (await judge({ ...PUBLIC, trustProxy: true }, { ...xfp, 'x-forwarded-proto': 'http' })).https,
    ).toBe(false);
    expect((await judge(PUBLIC, { host: 'suivi.cress-hdf.org' })).https).toBe(true);
    expect((await judge(PUBLIC, {})).own).toBe('https://suivi.cress-hdf.org');
    expect((await judge(LOCAL, { host: 'localhost:3000' })).own).toBe('http://localhost:3000');
  });
});
