/**
 * JSON text that `JSON.stringify` cannot write: raw number tokens (`1e309`, `-0.0`, 30 digits),
 * duplicate keys and own `__proto__` keys. Generated bodies are trees of plain values, `RawJson`
 * leaves and `JsonEntries` objects, written by `toJsonText`.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object written entry by entry: keys may repeat or be `__proto__`. */
export class JsonEntries {
  constructor(readonly entries: Array<[string, unknown]>) {}
}

/** Writes `value` as JSON text; `undefined` inside objects is left out, inside arrays is `null`. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof JsonEntries)
    return `{${value.entries
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  if (Array.isArray(value)) return `[${value.map((v) => toJsonText(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return toJsonText(new JsonEntries(Object.entries(value)));
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value) ?? 'null';
}

/** A short, printable description of a body for failure messages. */
export function preview(body: string | Uint8Array | undefined, max = 300): string {
  if (body === undefined) return '(none)';
  const text =
    typeof body === 'string'
      ? body
      : `bytes[${body.byteLength}] ${Buffer.from(body.slice(0, 60)).toString('hex')}`;
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
