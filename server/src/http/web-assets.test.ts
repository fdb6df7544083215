import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { loadWebAssets, serveWebAssets } from './web-assets';

const JS = `export const x = ${JSON.stringify('ptce '.repeat(2000))};\n`;
const INDEX =
  '<!doctype html><title>ptce</title><script type="module" src="/assets/app-abc.js"></script>';
let app: Hono<AppEnv>;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.mkdirSync(path.join(dir, '.vite'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'assets/app-abc.js'), JS);
  // the build's brotli copy (web/scripts/precompress.mjs); the gzip one is made at start
  fs.writeFileSync(path.join(dir, 'assets/app-abc.js.br'), brotliCompressSync(JS));
  fs.writeFileSync(path.join(dir, 'assets/logo-abc.png'), Buffer.from([137, 80, 78, 71]));
  fs.writeFileSync(path.join(dir, '.vite/manifest.json'), '{}');
  const assets = loadWebAssets(dir)!;
  // Served from memory: the folder is gone before the first request.
  fs.rmSync(dir, { recursive: true, force: true });
  app = new Hono<AppEnv>().get('*', serveWebAssets(assets));
  app.onError((err, c) =>
    err instanceof ApiError ? c.json(err.toEnvelope('fr'), 404) : c.text(String(err), 500),
  );
});

const get = (p: string, headers: Record<string, string> = {}) =>
  app.request(`http://localhost${p}`, { headers });

describe('the web app from memory', () => {
  it('serves a hashed asset immutable, brotli or gzip as accepted, identity otherwise', async () => {
    const br = await get('/assets/app-abc.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(JS);

    const gz = await get('/assets/app-abc.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(JS);

    const plain = await get('/assets/app-abc.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(JS);
    expect(new Set([br, gz, plain].map((r) => r.headers.get('etag'))).size).toBe(3);
  });

  it('answers 304 to If-None-Match, whichever encoding the tag was of', async () => {
    const first = await get('/assets/app-abc.js', { 'accept-encoding': 'gzip' });
    const tag = first.headers.get('etag')!;
    const again = await get('/assets/app-abc.js', { 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const other = await get('/assets/app-abc.js', { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
  });

  it('answers 404 for a missing asset or file, index.html (no-cache) for app routes', async () => {
    for (const p of [
      '/assets/nope.js',
      '/assets/x',
      '/nope.png',
      '/.vite/manifest.json',
      '/assets/app-abc.js.br',
    ]) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
    for (const p of ['/', '/poles/henin-carvin/historique', '/index.html']) {
      const res = await get(p, { 'accept-encoding': 'identity' });
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('keeps no compressed copy of a file that does not shrink', async () => {
    const res = await get('/assets/logo-abc.png', { 'accept-encoding': 'br, gzip' });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });
});
