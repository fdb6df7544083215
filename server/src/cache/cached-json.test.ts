import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/app-env';
import { AppCache } from './app-cache';
import { acceptsGzip, cachedJson } from './cached-json';

/** A one-route app answering through cachedJson, counting its computations. */
function appWith(cache: AppCache, chars = 8000) {
  let computed = 0;
  let release: () => void = () => {};
  let gate: Promise<void> | null = null;
  const app = new Hono<AppEnv>().get('/answer', (c) => {
    c.set('lang', 'fr');
    return cachedJson(c, { cache }, 7, async () => {
      computed++;
      if (gate) await gate;
      return { n: computed, text: 'é'.repeat(chars) };
    });
  });
  return {
    app,
    computed: () => computed,
    hold: () => {
      gate = new Promise((r) => {
        release = r;
      });
    },
    release: () => {
      gate = null;
      release();
    },
  };
}

describe('cachedJson', () => {
  it('sends the answer gzipped to a client that accepts it, plain to one that does not', async () => {
    const t = appWith(new AppCache());
    const zipped = await t.app.request('/answer', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding, Accept-Language');
    expect(zipped.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(200);
    const fromZip = JSON.parse(gunzipSync(bytes).toString('utf8'));
    expect(fromZip).toEqual({ n: 1, text: 'é'.repeat(8000) });

    const plain = await t.app.request('/answer');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(fromZip);
    expect(plain.headers.get('etag')).toBe(zipped.headers.get('etag'));
    expect(t.computed()).toBe(1);
  });

  it('sends an answer smaller than TCP’s initial window (12 KiB) as it is, to every client', async () => {
    const t = appWith(new AppCache(), 5000);
    const small = await t.app.request('/answer', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(small.headers.get('content-encoding')).toBeNull();
    const text = await small.text();
    expect(Buffer.byteLength(text)).toBe(
      JSON.stringify({ n: 1, text: 'é'.repeat(5000) }).length + 5000,
    );
    expect(JSON.parse(text)).toEqual({ n: 1, text: 'é'.repeat(5000) });
    // From the cache: the same bytes and ETag, for a client with or without gzip.
    const again = await t.app.request('/answer');
    expect(await again.text()).toBe(text);
    expect(again.headers.get('etag')).toBe(small.headers.get('etag'));
    expect(t.computed()).toBe(1);
  });

  it('computes a missing answer once for requests that arrive while it is computed', async () => {
    const t = appWith(new AppCache());
    t.hold();
    const pending = Array.from({ length: 5 }, () => t.app.request('/answer'));
    await new Promise((r) => setTimeout(r, 10));
    t.release();
    const bodies = await Promise.all((await Promise.all(pending)).map((r) => r.json()));
    expect(t.computed()).toBe(1);
    expect(bodies.every((b) => b.n === 1)).toBe(true);
  });

  it('computes every answer again with no cache (PTCE_CACHE_MB=0), and forgets a failed one', async () => {
    const t = appWith(new AppCache(0));
    expect((await (await t.app.request('/answer')).json()).n).toBe(1);
    expect((await (await t.app.request('/answer')).json()).n).toBe(2);

    const cache = new AppCache();
    let fail = true;
    const app = new Hono<AppEnv>()
      .get('/answer', (c) => {
        c.set('lang', 'fr');
        return cachedJson(c, { cache }, 7, async () => {
          if (fail) throw new Error('boom');
          return { ok: true };
        });
      })
      .onError((_e, c) => c.json({ error: 'failed' }, 500));
    expect((await app.request('/answer')).status).toBe(500);
    fail = false;
    expect(await (await app.request('/answer')).json()).toEqual({ ok: true });
    expect(cache.computing.size).toBe(0);
  });

  it('keeps each answer in an array of its exact size, and tells languages apart', async () => {
    const cache = new AppCache();
    const app = new Hono<AppEnv>().get('/answer', (c) => {
      c.set('lang', c.req.query('lang') === 'en' ? 'en' : 'fr');
      return cachedJson(c, { cache }, 7, async () => ({ small: true }));
    });
    const fr = await app.request('/answer');
    const en = await app.request('/answer?lang=en');
    const kept = [...cache.responses.values()];
    expect(kept).toHaveLength(2);
    // zlib's own result is a view on a 16 KiB block: a small answer must not keep it alive.
    for (const body of kept) expect(body.buffer.byteLength).toBe(body.byteLength);
    expect(fr.headers.get('etag')).not.toBe(en.headers.get('etag'));
  });

  it('forgets a computation that throws before its first await', async () => {
    const cache = new AppCache();
    let fail = true;
    const app = new Hono<AppEnv>()
      .get('/answer', (c) => {
        c.set('lang', 'fr');
        return cachedJson(c, { cache }, 7, (() => {
          if (fail) throw new Error('sync boom');
          return Promise.resolve({ ok: true });
        }) as () => Promise<unknown>);
      })
      .onError((_e, c) => c.json({ error: 'failed' }, 500));
    expect((await app.request('/answer')).status).toBe(500);
    expect(cache.computing.size).toBe(0);
    fail = false;
    expect(await (await app.request('/answer')).json()).toEqual({ ok: true });
  });

  it('reads Accept-Encoding as HTTP means it', () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip('*;q=0, gzip')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('br, *;q=0')).toBe(false);
  });
});
