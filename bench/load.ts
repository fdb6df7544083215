import autocannon from 'autocannon';

export interface LoadResult {
  p50: number;
  p99: number;
  max: number;
  rps: number;
  total: number;
  failures: number;
}

export interface LoadOptions {
  /**
   * With `paths`: one rotation shared by all connections (request n asks `paths[n % length]`),
   * instead of each connection cycling from the first path. With each connection starting at the
   * first pole, the connections ask the same poles at about the same time, and a server that
   * computes an answer once for identical requests in flight computes far fewer answers.
   */
  spread?: boolean;
  /** Stop after this many requests (then `seconds` is only a cap). */
  amount?: number;
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
  options: LoadOptions = {},
): Promise<LoadResult> {
  let next = 0;
  const requests = !paths
    ? undefined
    : options.spread
      ? [
          {
            method: 'GET',
            setupRequest: <R extends { path?: string }>(req: R): R => ({
              ...req,
              path: paths[next++ % paths.length]!,
            }),
          },
        ]
      : paths.map((path) => ({ method: 'GET', path }));
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    // As a browser asks: cached answers are then sent gzipped.
    headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' },
    ...(requests ? { requests } : {}),
    ...(options.amount ? { amount: options.amount } : {}),
  });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    rps: r.requests.average,
    total: r.requests.total,
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
