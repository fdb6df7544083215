/** What an XML part of a workbook holds, counted on its bytes before any parser builds it. */
export interface ElementCounts {
  /** `<row>` elements (sheet rows, empty ones included). */
  rows: number;
  /** `<c>` elements (cells). */
  cells: number;
  /** `<si>` elements (shared strings). */
  strings: number;
  /** Every element. */
  elements: number;
}

const LT = 0x3c;
const SLASH = 0x2f;
const GT = 0x3e;
const COLON = 0x3a;

/** Whether the byte ends an element's name (white space, `>` or `/`). */
const endsName = (b: number) =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH;

/**
 * Adds to `into` the elements of the XML `bytes`, by local name (a prefix such as `x:` is
 * ignored). Markup inside comments or CDATA is counted too: the counts may only be too high,
 * never too low.
 */
export function countElements(bytes: Uint8Array, into: ElementCounts): ElementCounts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = buf.indexOf(LT);
  while (pos >= 0) {
    const first = buf[pos + 1];
    // closing tags, processing instructions, comments and declarations are no new element
    if (first !== undefined && first !== SLASH && first !== 0x3f && first !== 0x21) {
      let end = pos + 1;
      let local = end;
      while (end < buf.length && !endsName(buf[end]!)) {
        if (buf[end] === COLON) local = end + 1;
        end++;
      }
      const length = end - local;
      into.elements++;
      if (length === 3 && buf[local] === 0x72 && buf[local + 1] === 0x6f && buf[local + 2] === 0x77)
        into.rows++;
      else if (length === 1 && buf[local] === 0x63) into.cells++;
      else if (length === 2 && buf[local] === 0x73 && buf[local + 1] === 0x69) into.strings++;
      pos = end;
    }
    pos = buf.indexOf(LT, pos + 1);
  }
  return into;
}

/** Counts at zero. */
export const noElements = (): ElementCounts => ({ rows: 0, cells: 0, strings: 0, elements: 0 });
