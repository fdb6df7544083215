import fc from 'fast-check';
import { JsonEntries, RawJson } from './json-text';

// Inputs an attacker or a broken client sends. None contains the words the leak check looks
// for in answers (SQLITE_, "syntax error", stack frames), so an echo is never a false alarm.

const KB100 = 100_000;

/** Quarters around and beyond the accepted range 2000Q1–2100Q4, and look-alikes. */
export const HOSTILE_QUARTERS = [
  '2025Q5',
  '2025Q0',
  '0000Q1',
  '1999Q4',
  '2000Q1',
  '2100Q4',
  '2101Q1',
  '9999Q4',
  '2025q1',
  ' 2025Q1',
  '2025Q1 ',
  '2025Q1\n',
  '2025-Q1',
  '２０２５Q1',
  '2025Q١',
  '20250Q1',
  '2025',
  'Q1',
] as const;

/** Strings with structure: SQL, traversal, forged slices, injections, control characters. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  "'; DROP TABLE values; --",
  '" OR ""="',
  '1) UNION ALL SELECT password_hash FROM users --',
  '../../etc/passwd',
  '..%2F..%2Fetc',
  '..\\..\\windows',
  '%00',
  'a\u0000b',
  '%',
  '%zz',
  '%E0%A4%A',
  'sex=femme;drop',
  '=',
  ' sex=femme',
  'sex=femme ',
  'sex=',
  '=femme',
  'sex==femme',
  'sex=femme=x',
  'SEX=femme',
  'sex=femme,age=x',
  'working_group=pole',
  'working_group=../pole',
  '<script>alert(1)</script>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
  '${7*7}',
  '=HYPERLINK("http://x")',
  '+1',
  '-1',
  '@SUM(A1)',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '0x1F',
  '1_000',
  '1,5',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '👩‍👩‍👧‍👦🇫🇷',
  '\u202Eevil\u202C',
  'שלום عليكم',
  'e\u0301',
  '\u200B',
  '\uFEFF',
  '\uD800',
  '\uDC00x',
  'é'.repeat(1000),
  'x'.repeat(65),
  'x'.repeat(255),
  'x'.repeat(256),
  'a'.repeat(2001),
  'a'.repeat(KB100),
  '\r\nSet-Cookie: x=1',
  '\t',
] as const;

/** Numbers at and past every bound, plus raw tokens JSON.stringify cannot write. */
const HOSTILE_NUMBERS: unknown[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  0.1 + 0.2,
  5e-324,
  1e12,
  1e12 + 1,
  -1e12 - 1,
  1e15,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  2 ** 53,
  1999,
  2000,
  2100,
  2101,
  3650,
  3651,
  5000,
  5001,
  new RawJson('1e309'),
  new RawJson('-1e309'),
  new RawJson('1E400'),
  new RawJson('-0.0'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('0.0000000000000000000000000000001'),
  new RawJson('1.0'),
  new RawJson('2026.0'),
];

/** A string from the lists above or generated (any unicode, any length up to 300). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_QUARTERS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const deep = (depth: number, open: string, close: string, leaf = '1') =>
  new RawJson(open.repeat(depth) + leaf + close.repeat(depth));

/** A JSON value of the wrong kind or at a bound: numbers, strings, null, arrays, objects, deep trees. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 6, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.double().map((d) => (Number.isFinite(d) ? d : 0)) },
  { weight: 1, arbitrary: fc.integer() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [1, 2], { value: 1 }, ['x']),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new JsonEntries([['__proto__', { polluted: 'yes' }]]),
      new JsonEntries([['constructor', { prototype: { polluted: 'yes' } }]]),
      new JsonEntries([['prototype', { polluted: 'yes' }]]),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(10, 1000, 100_000)
      .chain((n) =>
        fc.constantFrom(deep(n, '[', ']'), deep(n, '{"a":', '}'), deep(n, '{"__proto__":', '}')),
      ),
  },
);

/** A key no schema knows, or one aimed at the prototype chain. */
export const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'isAdmin',
    'role',
    'id',
    '',
  ),
  fc.string({ maxLength: 20 }),
);
