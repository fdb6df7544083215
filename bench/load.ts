import autocannon from 'autocannon';

export interface LoadResult {
  p50: number;
  p99: number;
  rps: number;
  failures: number;
}

/**
 * `connections` concurrent clients hitting `url` for `seconds` (autocannon); with `paths`, each
 * connection cycles through those paths on `url`'s host instead (e.g. every pole, so that the
 * server's caches do not flatter the figure).
 */
export async function load(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  paths?: string[],
): Promise<LoadResult> {
  const requests = paths?.map((path) => ({ method: 'GET', path }));
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    // As a browser asks: cached answers are then sent gzipped.
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' },
    ...(requests ? { requests } : {}),
  });
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
