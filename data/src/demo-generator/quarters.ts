const QUARTER = /^(\d{4})Q([1-4])$/;

/** A quarter `YYYYQn` as its year and number (1–4). @throws Error on a malformed quarter. */
export function parseQuarter(quarter: string): { year: number; q: number } {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`not a quarter (YYYYQn): ${quarter}`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

/**
 * Every quarter from `from` to `to`, both included, in order.
 * @throws Error on a malformed quarter or when `to` is before `from`.
 */
export function quarterRange(from: string, to: string): string[] {
  const a = parseQuarter(from);
  const b = parseQuarter(to);
  const start = a.year * 4 + a.q - 1;
  const end = b.year * 4 + b.q - 1;
  if (end < start) throw new Error(`empty range: ${from} to ${to}`);
  const out: string[] = [];
  for (let i = start; i <= end; i++) out.push(`${Math.floor(i / 4)}Q${(i % 4) + 1}`);
  return out;
}
