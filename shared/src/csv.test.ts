import { describe, expect, it } from 'vitest';
import { csvLine, csvNumber, csvText, FRENCH_EXCEL, neutralise, RFC4180 } from './csv';

describe('neutralise', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+33 6 12', "'+33 6 12"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['PTCE-MEMBRES', 'PTCE-MEMBRES'],
    ['sex=femme', 'sex=femme'],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(neutralise(input)).toBe(expected));
});

describe('csvText', () => {
  it.each([
    ['plain', RFC4180, 'plain'],
    ['a,b', RFC4180, '"a,b"'],
    ['a,b', FRENCH_EXCEL, 'a,b'],
    ['a;b', FRENCH_EXCEL, '"a;b"'],
    ['say "hi"', RFC4180, '"say ""hi"""'],
    ['two\nlines', RFC4180, '"two\nlines"'],
    ['=1+1', FRENCH_EXCEL, "'=1+1"],
    ['=1;2', FRENCH_EXCEL, `"'=1;2"`],
  ] as const)('%j in %o → %j', (input, dialect, expected) =>
    expect(csvText(input, dialect)).toBe(expected),
  );
});

describe('csvNumber', () => {
  it.each([
    [1234.5, 1, RFC4180, '1234.5'],
    [1234.5, 1, FRENCH_EXCEL, '1234,5'],
    [0.1 + 0.2, 2, RFC4180, '0.3'],
    [12, 2, FRENCH_EXCEL, '12'],
    [12.5, 0, RFC4180, '13'],
    [-3.25, 2, FRENCH_EXCEL, '-3,25'],
    [-0.0001, 2, RFC4180, '0'],
    [null, 2, RFC4180, ''],
    [1e12, 0, RFC4180, '1000000000000'],
  ] as const)('%s with %i decimals → %j', (value, decimals, dialect, expected) =>
    expect(csvNumber(value, decimals, dialect)).toBe(expected),
  );
});

describe('csvLine', () => {
  it('joins with the separator and ends with CRLF', () => {
    expect(csvLine(['a', '1,5', 'b'], FRENCH_EXCEL)).toBe('a;1,5;b\r\n');
    expect(csvLine(['a', '1.5'], RFC4180)).toBe('a,1.5\r\n');
  });
});
