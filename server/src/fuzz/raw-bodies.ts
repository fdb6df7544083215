import fc from 'fast-check';
import { hostileString } from './hostile-values';
import type { Pools } from './schema-arbitrary';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content types, right, wrong, malformed or missing (`undefined`: no header at all). */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json-patch+json',
  'application/jsonp',
  'application/json; charset=utf-16',
  'text/plain',
  'text/csv',
  'text/csv; charset=windows-1252',
  'multipart/form-data; boundary=----fuzz',
  'application/x-www-form-urlencoded',
  XLSX,
  'application/octet-stream',
  'application/zip',
  '',
  ';;;',
  '*/*',
);

const NOT_JSON = [
  'not json',
  '{',
  '{"a":',
  '[',
  ']',
  "{'period':'2026Q3'}",
  '{"period":"2026Q3",}',
  '{"period":"2026Q3"}{"period":"2026Q3"}',
  'NaN',
  'undefined',
  '\uFEFF{}',
  '',
  ' ',
  'null',
  '0',
  '"x"',
  '[]',
  '{}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '------fuzz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx\r\n------fuzz--\r\n',
  'period=2026Q3&entries=1',
  '<?xml version="1.0"?><a/>',
  `{"s":"${'\\u0000'.repeat(1000)}"}`,
  `[${'1,'.repeat(50_000)}1]`,
];

/** A CSV import file whose header or cells are hostile. */
function csvFile(pools: Pools): fc.Arbitrary<string> {
  const cell = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(...pools.scopes, ...pools.indicators, ...pools.slices),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('1', '2,5', '-', '', '1e308', '1 000', '=1+1', '"', '""'),
    },
    { weight: 3, arbitrary: hostileString },
  );
  const sep = fc.constantFrom(',', ';', '\t');
  const header = fc.constantFrom(
    'scope,indicator,slice,value,comment,version',
    'scope;indicator;slice;value;comment',
    'portée,indicateur,ventilation,valeur',
    'scope,scope,value',
    '',
  );
  return fc
    .tuple(
      header,
      sep,
      fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 20 }),
      fc.constantFrom('\r\n', '\n', '\r'),
    )
    .map(([h, s, rows, eol]) => [h, ...rows.map((r) => r.join(s))].join(eol));
}

/** The template bytes with a few bytes flipped, cut short, or with junk appended. */
function brokenWorkbook(template: Uint8Array): fc.Arbitrary<Uint8Array> {
  const flip = fc
    .array(fc.tuple(fc.nat(template.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((edits) => {
      const out = Uint8Array.from(template);
      for (const [at, byte] of edits) out[at] = byte;
      return out;
    });
  const cut = fc.nat(template.length - 1).map((n) => template.slice(0, n));
  const junk = fc.uint8Array({ maxLength: 200 }).map((j) => Uint8Array.from([...template, ...j]));
  return fc.oneof(flip, cut, junk);
}

/** Bodies that are not the JSON an endpoint expects: bytes, broken JSON, CSV, broken workbooks, oversize. */
export function rawBody(pools: Pools, template: Uint8Array): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NOT_JSON) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
        Uint8Array.from([0x7b, 0xc0, 0xaf, 0x7d]),
        new TextEncoder().encode('PK\u0003\u0004 pas un classeur'),
      ),
    },
    { weight: 3, arbitrary: csvFile(pools) },
    { weight: 3, arbitrary: brokenWorkbook(template) },
    { weight: 1, arbitrary: fc.constantFrom(`{"name":"${'a'.repeat(1_100_000)}"}`) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 500 }) },
  );
}
