import autocannon from 'autocannon';

export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  failures: number;
}

/** `connections` concurrent clients hitting `url` for `seconds` (autocannon). */
export async function load(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const r = await autocannon({ url, connections, duration: seconds, headers: { cookie } });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    failures: r.non2xx + r.errors,
  };
}

/** Percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}
