import fc from 'fast-check';
import type { RouteDoc } from '../openapi/route-doc';
import { HOSTILE_QUARTERS, hostileString } from './hostile-values';
import type { Pools } from './schema-arbitrary';

/** Path segments sent as written (already percent-encoded or deliberately broken). */
const RAW_SEGMENTS = [
  '..%2F..',
  '..%2F..%2Fsession',
  '%2e%2e',
  '%00',
  '%',
  '%zz',
  '%C0%AF',
  '%FF',
  '%uD800',
  '%252F',
  'a%2Fb',
  '..',
  '.',
  ';x=1',
  '?pole=henin-carvin',
  '%3Fx%3D1',
  'henin-carvin%00',
  'HENIN-CARVIN',
  'henin-carvin%20',
  'henin_carvin',
  '1e3',
  '0x1',
  '-1',
  '0',
  '00001',
  '1.0',
  '+1',
  '9007199254740993',
  '999999999999999',
  '1'.padStart(30, '0'),
  '%D9%A1',
  'a'.repeat(10_000),
] as const;

/**
 * `encodeURIComponent`, except that a lone surrogate (which it refuses) is written as the
 * bytes of its UTF-8-style encoding: invalid UTF-8 on the wire, as a broken client would send.
 */
export function encodeLoose(s: string): string {
  return s.replace(/[\s\S]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    }
  });
}

const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
  { weight: 3, arbitrary: hostileString.map(encodeLoose) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_QUARTERS).map(encodeLoose) },
);

/** Real values of a path parameter, by its name. */
function realValues(name: string, path: string, pools: Pools): string[] {
  // The coordinator's own pole most often; the others answer 404 to most callers.
  if (name === 'pole') return [...Array(6).fill(pools.poles[0]!), ...pools.poles];
  if (name === 'scope') return pools.scopes;
  if (name === 'period') return pools.quarters;
  if (name === 'id')
    return (path.includes('/tokens/') ? pools.tokenIds : pools.userIds).map(String);
  return ['x'];
}

/**
 * The route's path with each `{param}` replaced: a real value, or a hostile one with weight
 * `hostileWeight` against 10 (0: real values only).
 */
export function pathOf(route: RouteDoc, pools: Pools, hostileWeight: number): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const segments = names.map((n) => {
    const real = fc.constantFrom(...realValues(n, route.path, pools));
    return hostileWeight === 0
      ? real
      : fc.oneof(
          { weight: 10, arbitrary: real },
          { weight: hostileWeight, arbitrary: hostileSegment },
        );
  });
  return fc.tuple(...segments).map((values) => {
    let i = 0;
    return route.path.replace(/\{\w+\}/g, () => values[i++]!);
  });
}
