import fc from 'fast-check';
import { z } from 'zod';

/** Real names of the fuzzed instance, so that valid-looking input reaches deep code. */
export interface Pools {
  poles: string[];
  scopes: string[];
  indicators: string[];
  slices: string[];
  regions: string[];
  quarters: string[];
  userIds: number[];
  tokenIds: number[];
  /** Cells a coordinator of the first pole may enter: scope, tracked indicator, valid slice. */
  cells: Array<{ scope: string; indicator: string; slice: string }>;
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
}

/** The JSON Schema of a request's input side (transforms and refinements are left out). */
export function jsonSchemaOf(schema: z.core.$ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const QUARTER = '^(\\d{4})Q([1-4])$';

/** The first and last accepted quarters and their neighbours. */
export const BOUND_QUARTERS = ['2000Q1', '2000Q2', '2100Q3', '2100Q4'];

/** How values are picked: typical everyday ones, or the extremes a schema still accepts. */
export type Flavour = 'typical' | 'bounds';

/** A string for a field, chosen by its pattern or name from the instance's real names. */
function stringFor(s: JsonSchema, key: string, pools: Pools, f: Flavour): fc.Arbitrary<string> {
  const pick = (xs: string[]) => fc.constantFrom(...xs);
  if (s.pattern === QUARTER) return pick(f === 'bounds' ? BOUND_QUARTERS : pools.quarters);
  if (s.pattern?.includes('=[A-Za-z0-9]')) return pick(pools.slices);
  if (s.pattern?.startsWith('^[A-Z][A-Z0-9]*')) return pick(pools.indicators);
  if (s.pattern?.startsWith('^[A-Z0-9]+')) return pick(pools.regions);
  if (s.pattern?.startsWith('^[1-9]')) return pick(pools.userIds.map(String));
  if (s.pattern?.startsWith('^[a-z0-9]+')) {
    if (key === 'scope') return pick(pools.scopes);
    if (key === 'slug') return fc.stringMatching(/^fuzz-[a-z0-9]{1,8}$/);
    return pick(pools.poles);
  }
  if (key === 'email')
    return fc.constantFrom('coord@hc.test', 'nobody@x.test', 'new-account@x.test');
  if (key === 'password')
    return f === 'bounds' && s.maxLength
      ? fc.constant('p'.repeat(s.maxLength))
      : fc.constantFrom('mot-de-passe-de-test', 'wrong-password-12');
  if (key === 'poles') return fc.subarray(pools.poles, { minLength: 1 }).map((ps) => ps.join(','));
  if (f === 'bounds' && s.maxLength)
    return fc.constantFrom(
      'é'.repeat(s.maxLength),
      '👩‍👩‍👧'.repeat(s.maxLength / 8),
      `${'x'.repeat(s.maxLength - 2)}\u202E!`,
    );
  return fc.constantFrom('Texte', 'Un motif écrit', 'Groupe de travail');
}

function integerFor(s: JsonSchema, key: string, f: Flavour): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum === undefined ? 0 : s.exclusiveMinimum + 1);
  const max = s.maximum ?? Number.MAX_SAFE_INTEGER;
  if (f === 'bounds') return fc.constantFrom(min, max, min + 1, max - 1);
  if (key === 'year') return fc.constantFrom(2025, 2026);
  // The version of a cell nobody entered is 0; a few saves later it is small.
  if (key === 'version') return fc.constantFrom(0, 0, 0, 1);
  return fc.integer({ min, max: Math.min(max, min + 100) });
}

const numberFor = (f: Flavour): fc.Arbitrary<number> =>
  f === 'bounds'
    ? fc.constantFrom(1e12, -1e12, 999_999_999_999.5, -0, 5e-324, 1e-7, 0.1 + 0.2)
    : fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: 0, max: 100 }) },
        { weight: 1, arbitrary: fc.constantFrom(0.5, 12.25) },
      );

/**
 * Values that a schema accepts, or nearly (refinements are not modelled), built from the
 * instance's real poles, scopes, indicators and slices; optional fields are present at random.
 * `bounds` picks the extremes instead: first and last quarters, min and max integers, ±1e12,
 * strings of the maximum length in multi-byte characters, arrays of up to 300 items.
 */
export function validLooking(
  s: JsonSchema,
  pools: Pools,
  key = '',
  f: Flavour = 'typical',
): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map((x) => validLooking(x, pools, key, f)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, sub] of props) record[k] = validLooking(sub, pools, k, f);
      const obj = fc.record(record, {
        requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
      });
      if (!('scope' in record && 'indicator' in record)) return obj;
      // An entry names a real cell most of the time, so saves get past the catalogue checks.
      return fc.tuple(obj, fc.constantFrom(...pools.cells), fc.nat(7)).map(([o, cell, n]) => {
        if (n === 0) return o;
        const out: Record<string, unknown> = { ...o, scope: cell.scope, indicator: cell.indicator };
        if ('slice' in o) out.slice = cell.slice;
        return out;
      });
    }
    case 'array': {
      const min = s.minItems ?? 0;
      const max = f === 'bounds' ? Math.min(s.maxItems ?? 300, 300) : Math.max(min, 3);
      return fc.array(validLooking(s.items ?? {}, pools, key, f), {
        minLength: min,
        maxLength: max,
      });
    }
    case 'string':
      return stringFor(s, key, pools, f);
    case 'integer':
      return integerFor(s, key, f);
    case 'number':
      return numberFor(f);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constantFrom(null, 'x', 1);
  }
}
