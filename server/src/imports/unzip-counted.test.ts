import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { countElements, noElements } from './count-elements';
import { boundedWorkbook, XLSX_LIMITS } from './parse-xlsx';
import { readTestZip, testZip } from './test-zip';
import { storedZip, UnzipError, unzipCounted } from './unzip-counted';

const all = () => true;
const MB = 1024 * 1024;

/** The error `fn` throws (the test fails if it returns). */
function thrown<E = Error>(fn: () => unknown): E {
  try {
    fn();
  } catch (err) {
    return err as E;
  }
  throw new Error('nothing was thrown');
}

describe('unzipCounted', () => {
  it('inflates stored and deflated entries, dropping a leading slash', () => {
    const zip = testZip([
      { name: 'a.xml', data: '<a/>'.repeat(1000) },
      { name: '/b.txt', data: 'bonjour', method: 0 },
      { name: 'dir/', data: '', method: 0 },
    ]);
    const parts = unzipCounted(zip, all, MB);
    expect([...parts.keys()]).toEqual(['a.xml', 'b.txt']);
    expect(Buffer.from(parts.get('a.xml')!).toString()).toBe('<a/>'.repeat(1000));
    expect(Buffer.from(parts.get('b.txt')!).toString()).toBe('bonjour');
  });

  it('counts what inflates, not what the entry declares, and stops at the budget quickly', () => {
    // declares 5 000 bytes, inflates to 150 MB (a deflated run of zeros is ~150 KB)
    const liar = testZip([
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(150 * MB), declaredSize: 5_000 },
    ]);
    expect(liar.length).toBeLessThan(MB);
    const t0 = performance.now();
    const err = thrown<UnzipError>(() => unzipCounted(liar, all, 16 * MB));
    expect(err).toBeInstanceOf(UnzipError);
    expect(err.reason).toBe('too-large');
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('adds up every entry against one budget (many small bombs, shared or not)', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({
      name: `p${i}.xml`,
      data: new Uint8Array(MB),
    }));
    const zip = testZip(entries);
    expect(unzipCounted(zip, all, 20 * MB).size).toBe(20);
    expect(thrown<UnzipError>(() => unzipCounted(zip, all, 20 * MB - 1)).reason).toBe('too-large');
    const stored = testZip([
      { name: 's.bin', data: new Uint8Array(2_000), method: 0, declaredSize: 10 },
    ]);
    expect(thrown<UnzipError>(() => unzipCounted(stored, all, 1_999)).reason).toBe('too-large');
  });

  it('never inflates the entries it does not keep', () => {
    const zip = testZip([
      { name: 'xl/media/image1.png', data: new Uint8Array(150 * MB), declaredSize: 10 },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    const parts = unzipCounted(zip, (n) => n.endsWith('.xml'), MB);
    expect([...parts.keys()]).toEqual(['xl/workbook.xml']);
  });

  it('refuses what is not a zip, an unknown method and a truncated entry as unreadable', () => {
    expect(
      thrown<UnzipError>(() =>
        unzipCounted(new TextEncoder().encode('PK\u0003\u0004 non'), all, MB),
      ).reason,
    ).toBe('unreadable');
    const zip = testZip([{ name: 'a.xml', data: 'x'.repeat(5_000) }]);
    const bzip2 = zip.slice();
    const central = Buffer.from(bzip2).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bzip2[central + 10] = 12;
    expect(thrown<UnzipError>(() => unzipCounted(bzip2, all, MB)).reason).toBe('unreadable');
    const garbled = zip.slice();
    garbled.fill(0xff, 40, 60);
    expect(thrown<UnzipError>(() => unzipCounted(garbled, all, MB)).reason).toBe('unreadable');
  });

  it('zips again without compression exactly what it counted', () => {
    const parts = new Map([
      ['a.xml', new TextEncoder().encode('<a>é</a>')],
      ['b/c.xml', new Uint8Array(3_000).fill(0x41)],
    ]);
    const again = readTestZip(storedZip(parts));
    expect(again.map((e) => [e.name, e.data.length])).toEqual([
      ['a.xml', 9],
      ['b/c.xml', 3_000],
    ]);
    expect(unzipCounted(storedZip(parts), all, 3_009).size).toBe(2);
  });
});

describe('countElements', () => {
  it('counts rows, cells, shared strings and elements by local name, as the bytes come', () => {
    const xml = new TextEncoder().encode(
      '<?xml version="1.0"?><x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><c r="B1"/></x:row><row/><rows/><col/></x:sheetData></x:worksheet><!-- c --><sst><si><t>a</t></si></sst>',
    );
    expect(countElements(xml, noElements())).toEqual({
      rows: 2,
      cells: 2,
      strings: 1,
      elements: 12,
    });
  });
});

describe('boundedWorkbook', () => {
  const sheet = (rows: number, cellsPerRow: number) =>
    `<worksheet><sheetData>${`<row>${'<c><v>1</v></c>'.repeat(cellsPerRow)}</row>`.repeat(rows)}</sheetData></worksheet>`;
  const code = (fn: () => unknown) => {
    const err = thrown<ApiError>(fn);
    expect(err).toBeInstanceOf(ApiError);
    return [err.code, err.toEnvelope('fr').error.message];
  };

  it('refuses too many rows or cells while counting, before any workbook is built', () => {
    const rows = testZip([
      { name: 'xl/worksheets/sheet1.xml', data: sheet(XLSX_LIMITS.rows + 1, 1) },
    ]);
    expect(code(() => boundedWorkbook(rows))).toEqual([
      'PAYLOAD_TOO_LARGE',
      expect.stringMatching(/20\s000 lignes/),
    ]);
    const cells = testZip([{ name: 'xl/worksheets/sheet2.xml', data: sheet(1_000, 101) }]);
    expect(code(() => boundedWorkbook(cells))).toEqual([
      'PAYLOAD_TOO_LARGE',
      expect.stringMatching(/100\s000 cellules/),
    ]);
    const strings = testZip([
      {
        name: 'xl/sharedStrings.xml',
        data: `<sst>${'<si/>'.repeat(XLSX_LIMITS.sharedStrings + 1)}</sst>`,
      },
    ]);
    expect(code(() => boundedWorkbook(strings))[0]).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a sheet padded with spaces past the byte budget, fast', () => {
    const padded = testZip([
      { name: 'xl/worksheets/sheet1.xml', data: `<worksheet>${' '.repeat(90 * MB)}</worksheet>` },
    ]);
    const t0 = performance.now();
    expect(code(() => boundedWorkbook(padded))).toEqual([
      'PAYLOAD_TOO_LARGE',
      'Ce classeur est trop volumineux une fois décompressé.',
    ]);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('keeps the parts exceljs reads, drops images and themes uninflated', () => {
    const zip = testZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet(3, 2) },
      { name: 'xl/media/image1.png', data: new Uint8Array(100 * MB), declaredSize: 1 },
      { name: 'xl/theme/theme1.xml', data: '<theme/>' },
      { name: 'evil/xl/worksheets/sheet1.xml', data: sheet(3, 2) },
    ]);
    expect(readTestZip(boundedWorkbook(zip)).map((e) => e.name)).toEqual([
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
  });
});
