import fc from 'fast-check';
import type { z } from 'zod';
import type { RouteDoc } from '../openapi/route-doc';
import { HOSTILE_QUARTERS, hostileString } from './hostile-values';
import { encodeLoose } from './path-parts';
import {
  BOUND_QUARTERS,
  type Flavour,
  jsonSchemaOf,
  type Pools,
  validLooking,
} from './schema-arbitrary';

type Pair = [key: string, value: string];

const encode = (p: Pair) => `${encodeLoose(p[0])}=${encodeLoose(p[1])}`;

/** A valid-looking query of the route (or none), as key/value pairs. */
export function validQuery(
  route: RouteDoc,
  pools: Pools,
  flavour: Flavour = 'typical',
): fc.Arbitrary<Pair[]> {
  if (!route.query) return fc.constant([]);
  return validLooking(jsonSchemaOf(route.query as z.core.$ZodType), pools, '', flavour).map((q) =>
    Object.entries(q as Record<string, unknown>).map(([k, v]): Pair => [k, String(v)]),
  );
}

const QUERY_VALUES = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_QUARTERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '1.5',
      '1e3',
      '5001',
      '9007199254740993',
      'true',
      'TRUE',
      '[]',
      '{}',
      'csv,json',
      ',,,',
      Array.from({ length: 2000 }, (_, i) => `pole-${i}`).join(','),
    ),
  },
);

const BROKEN_PARTS = [
  'from',
  '=',
  '&',
  '=2026Q1',
  '%zz=1',
  'from=%E0%A4%A',
  'a[b]=1',
  'from[]=2026Q1',
  'lang=de',
  'lang=',
] as const;

/** A hostile value for a query key: bound and malformed quarters for quarter keys. */
function hostileValue(schema: { pattern?: string } | undefined): fc.Arbitrary<string> {
  if (schema?.pattern?.includes('Q([1-4])'))
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_QUARTERS) },
      // The first and last accepted quarters: ranges and defaults computed from them overflow.
      { weight: 2, arbitrary: fc.constantFrom(...BOUND_QUARTERS) },
      { weight: 1, arbitrary: QUERY_VALUES },
    );
  return QUERY_VALUES;
}

/**
 * A valid-looking query of the route with one or two places broken: a value replaced (wrong
 * type, bound or malformed quarter, huge list, unicode, SQL), emptied or dropped, a key
 * repeated, an unknown key added, `lang` set to anything, broken percent-encoding.
 */
export function hostileQuery(route: RouteDoc, pools: Pools): fc.Arbitrary<string> {
  const props: Record<string, { pattern?: string }> = route.query
    ? (jsonSchemaOf(route.query as z.core.$ZodType).properties ?? {})
    : {};
  const own = Object.keys(props);
  // The route's own keys mostly; others are unknown to it (or `lang`, which every route reads).
  const others = ['lang', 'from', 'to', 'year', 'pole', 'format'].filter((k) => !own.includes(k));
  const keys = fc.oneof(
    { weight: own.length > 0 ? 4 : 0, arbitrary: fc.constantFrom(...own, 'lang') },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );
  const mutation = fc.oneof(
    {
      weight: 6,
      arbitrary: keys.chain((k) =>
        hostileValue(props[k]).map((v) => ({ kind: 'set' as const, key: k, value: v })),
      ),
    },
    {
      weight: 1,
      arbitrary: keys.map((k) => ({ kind: 'empty' as const, key: k })),
    },
    {
      weight: 1,
      arbitrary: keys.map((k) => ({ kind: 'drop' as const, key: k })),
    },
    {
      weight: 1,
      arbitrary: keys.map((k) => ({ kind: 'repeat' as const, key: k })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(hostileString, QUERY_VALUES)
        .map(([k, v]) => ({ kind: 'add' as const, key: k, value: v })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...BROKEN_PARTS).map((raw) => ({ kind: 'raw' as const, raw })),
    },
  );
  return fc
    .tuple(validQuery(route, pools), fc.array(mutation, { minLength: 1, maxLength: 2 }))
    .map(([valid, ms]) => {
      // Each part keeps its key, so a later mutation can find, replace or repeat it.
      let parts = valid.map(([k, v]) => ({ key: k, text: encode([k, v]) }));
      for (const m of ms) {
        if (m.kind === 'raw') {
          parts.push({ key: '', text: m.raw });
          continue;
        }
        const others = parts.filter((p) => p.key !== m.key);
        if (m.kind === 'set') parts = [...others, { key: m.key, text: encode([m.key, m.value]) }];
        else if (m.kind === 'empty')
          parts = [...others, { key: m.key, text: `${encodeLoose(m.key)}=` }];
        else if (m.kind === 'drop') parts = others;
        else if (m.kind === 'add') parts.push({ key: m.key, text: encode([m.key, m.value]) });
        else
          parts.push(
            parts.find((p) => p.key === m.key) ?? { key: m.key, text: encode([m.key, 'x']) },
          );
      }
      return parts.map((p) => p.text).join('&');
    });
}

/** Serialises pairs as a query string (`''` when empty). */
export const queryText = (pairs: Pair[]) => pairs.map(encode).join('&');
