import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Context, Handler } from 'hono';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';

/** One file of the built web app, held in memory with its compressed copies. */
interface WebFile {
  body: Uint8Array;
  gzip: Uint8Array | null;
  br: Uint8Array | null;
  /** The strong ETag of the bytes, without quotes (each encoding adds its suffix). */
  tag: string;
  type: string;
  cacheControl: string;
}

/** The built web app: its files by URL path (`/assets/index-X.js`, `/index.html`). */
export interface WebAssets {
  files: Map<string, WebFile>;
  index: WebFile;
  /** Bytes held, copies included. */
  bytes: number;
}

const TYPES: Record<string, [type: string, compressible: boolean]> = {
  '.html': ['text/html; charset=utf-8', true],
  '.js': ['text/javascript; charset=utf-8', true],
  '.mjs': ['text/javascript; charset=utf-8', true],
  '.css': ['text/css; charset=utf-8', true],
  '.json': ['application/json; charset=utf-8', true],
  '.map': ['application/json; charset=utf-8', true],
  '.webmanifest': ['application/manifest+json; charset=utf-8', true],
  '.txt': ['text/plain; charset=utf-8', true],
  '.svg': ['image/svg+xml', true],
  '.ico': ['image/x-icon', true],
  '.png': ['image/png', false],
  '.jpg': ['image/jpeg', false],
  '.jpeg': ['image/jpeg', false],
  '.webp': ['image/webp', false],
  '.avif': ['image/avif', false],
  '.woff': ['font/woff', false],
  '.woff2': ['font/woff2', false],
};

/** Vite's hashed file names never change content: cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The files under `dir`, as URL paths; dot-files and dot-folders (`.vite/`) are left out. */
function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const url = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), url));
    // the build's compressed copies are encodings of their file, not files of their own
    else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) out.push(url);
  }
  return out;
}

/** A compressed copy, kept only when it is smaller. */
function smaller(body: Uint8Array, packed: Buffer): Uint8Array | null {
  return packed.byteLength < body.byteLength ? new Uint8Array(packed) : null;
}

/** The copy the build wrote beside a file (`x.js.br`, `x.js.gz`: web/scripts/precompress.mjs). */
function builtCopy(file: string, ext: '.br' | '.gz'): Uint8Array | null {
  return fs.existsSync(file + ext) ? new Uint8Array(fs.readFileSync(file + ext)) : null;
}

function toWebFile(urlPath: string, body: Uint8Array, file: string): WebFile {
  const [type, compressible] = TYPES[path.extname(urlPath).toLowerCase()] ?? [
    'application/octet-stream',
    false,
  ];
  const zip = compressible && body.byteLength > 256;
  return {
    body,
    // gzip made here when the build wrote none (cheap); brotli only from the build (compressing
    // at start left ~33 MB of RSS behind)
    gzip: zip
      ? (builtCopy(file, '.gz') ??
        smaller(body, gzipSync(body, { level: constants.Z_BEST_COMPRESSION })))
      : null,
    br: zip ? builtCopy(file, '.br') : null,
    tag: createHash('sha256').update(body).digest('base64url').slice(0, 22),
    type,
    cacheControl: urlPath.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
  };
}

/**
 * Reads the built web app (`web/dist`) into memory once, with the gzip and brotli copies of each
 * text file the build wrote (gzip made here when missing), so that serving it touches neither the disk nor zlib: libuv's thread pool, which
 * both use, is shared with password hashing. Null when `dir` holds no `index.html`.
 */
export function loadWebAssets(dir: string): WebAssets | null {
  if (!fs.existsSync(path.join(dir, 'index.html'))) return null;
  const files = new Map<string, WebFile>();
  let bytes = 0;
  for (const urlPath of listFiles(dir)) {
    const onDisk = path.join(dir, urlPath);
    const file = toWebFile(urlPath, new Uint8Array(fs.readFileSync(onDisk)), onDisk);
    files.set(urlPath, file);
    bytes += file.body.byteLength + (file.gzip?.byteLength ?? 0) + (file.br?.byteLength ?? 0);
  }
  return { files, index: files.get('/index.html')!, bytes };
}

/** The q-value of each coding named in an Accept-Encoding header (`*` included). */
function codings(header: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    out.set(name, Number.isFinite(value) ? value : 0);
  }
  return out;
}

/** The encoding to send: brotli, then gzip, when the client accepts it (`q` > 0). */
function pickEncoding(file: WebFile, header: string | undefined): 'br' | 'gzip' | null {
  const q = codings(header);
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  if (file.br && accepts('br')) return 'br';
  if (file.gzip && (accepts('gzip') || (q.get('x-gzip') ?? 0) > 0)) return 'gzip';
  return null;
}

/** Whether If-None-Match names this file, in any of its encodings. */
function notModified(file: WebFile, header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return tag === '*' || tag.replace(/-(gz|br)$/, '') === file.tag;
  });
}

function send(c: Context<AppEnv>, file: WebFile): Response {
  const encoding = pickEncoding(file, c.req.header('accept-encoding'));
  const suffix = encoding === 'br' ? '-br' : encoding === 'gzip' ? '-gz' : '';
  const headers: Record<string, string> = {
    ETag: `"${file.tag}${suffix}"`,
    'Cache-Control': file.cacheControl,
  };
  if (file.gzip || file.br) headers.Vary = 'Accept-Encoding';
  if (notModified(file, c.req.header('if-none-match'))) return c.body(null, 304, headers);
  headers['Content-Type'] = file.type;
  if (encoding) headers['Content-Encoding'] = encoding;
  const body = encoding === 'br' ? file.br! : encoding === 'gzip' ? file.gzip! : file.body;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}

/** A path naming a file (`/x.js`, `/a/b.png`): never answered with the app's page. */
const FILE_LIKE = /\/[^/]*\.[A-Za-z0-9]{1,12}$/;

/**
 * GET (and HEAD) of the web app from memory: a file of the build by its path; a missing one
 * under `/assets/` or with a file extension is a 404 (a stale chunk must fail, not run the
 * page as JavaScript); any other path is an app route, answered with `index.html` (no-cache).
 */
export function serveWebAssets(assets: WebAssets): Handler<AppEnv> {
  return (c) => {
    const urlPath = c.req.path;
    const file = assets.files.get(urlPath);
    if (file) return send(c, file);
    if (urlPath.startsWith('/assets/') || FILE_LIKE.test(urlPath)) throw new ApiError('NOT_FOUND');
    return send(c, assets.index);
  };
}
