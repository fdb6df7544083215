import { crc32, inflateRawSync } from 'node:zlib';

/** Most entries read from a zip's central directory. */
const MAX_ENTRIES = 10_000;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** Why a zip could not be read within its budget. */
export class UnzipError extends Error {
  constructor(
    /** `too-large`: the kept entries inflate past the budget; `unreadable`: not a zip we read. */
    readonly reason: 'too-large' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

const unreadable = (why: string) => new UnzipError('unreadable', why);

/**
 * The entries of the zip `bytes` whose name `keep` accepts, inflated with a running budget: the
 * bytes actually produced are counted as they come (zlib stops at `maxBytes` in total), so the
 * sizes the archive declares are never trusted. Entries not kept are never inflated. Names lose
 * a leading `/`; for a name found twice, the first wins.
 * @throws UnzipError `too-large` past `maxBytes` (or a Zip64 archive); `unreadable` for bytes
 *   that are not a zip, an encrypted entry or a compression other than stored and deflate.
 */
export function unzipCounted(
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  maxBytes: number,
): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (u32(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no end of central directory');
  const count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new UnzipError('too-large', 'zip64');
  if (count > MAX_ENTRIES) throw new UnzipError('too-large', `${count} entries`);
  const decoder = new TextDecoder();
  const out = new Map<string, Uint8Array>();
  let used = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || u32(offset) !== CENTRAL_SIGNATURE)
      throw unreadable('bad central directory');
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    const compressed = u32(offset + 20);
    const nameLength = u16(offset + 28);
    const local = u32(offset + 42);
    if (offset + 46 + nameLength > bytes.length) throw unreadable('bad central directory');
    const name = decoder
      .decode(bytes.subarray(offset + 46, offset + 46 + nameLength))
      .replace(/^\/+/, '');
    offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32);
    if (name.endsWith('/') || out.has(name) || !keep(name)) continue;
    if (flags & 1) throw unreadable(`${name}: encrypted`);
    if (compressed === 0xffffffff || local === 0xffffffff)
      throw new UnzipError('too-large', 'zip64');
    if (local + 30 > bytes.length || u32(local) !== LOCAL_SIGNATURE)
      throw unreadable(`${name}: bad local header`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length) throw unreadable(`${name}: truncated`);
    const data = bytes.subarray(start, start + compressed);
    const left = maxBytes - used;
    let inflated: Uint8Array;
    if (method === 0) {
      if (data.length > left) throw new UnzipError('too-large', `${name}: over the budget`);
      inflated = data;
    } else if (method === 8) {
      try {
        // maxOutputLength makes zlib stop as soon as the output passes what is left.
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, left) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new UnzipError('too-large', `${name}: over the budget`);
        throw unreadable(`${name}: ${(err as Error).message}`);
      }
      if (inflated.length > left) throw new UnzipError('too-large', `${name}: over the budget`);
    } else throw unreadable(`${name}: compression method ${method}`);
    used += inflated.length;
    out.set(name, inflated);
  }
  return out;
}

/**
 * A zip of `entries` stored without compression (what a reader then loads is exactly what
 * was counted). CRCs are real; names are UTF-8.
 */
export function storedZip(entries: Map<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const head = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(head.buffer);
    lv.setUint32(0, LOCAL_SIGNATURE, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    head.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_SIGNATURE, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(head, data);
    centrals.push(central);
    offset += head.length + data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD_SIGNATURE, true);
  ev.setUint16(8, entries.size, true);
  ev.setUint16(10, entries.size, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}
