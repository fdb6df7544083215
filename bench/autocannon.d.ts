// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests in all. */
    amount?: number;
    headers?: Record<string, string>;
    /**
     * Requests each connection cycles through (paths on `url`'s host); `setupRequest` builds a
     * request just before it is sent (its path, here).
     */
    requests?: Array<{
      method?: string;
      path?: string;
      setupRequest?: <R extends { path?: string }>(req: R) => R;
    }>;
  }
  interface Histogram {
    p50: number;
    p99: number;
    max: number;
    average: number;
  }
  interface Result {
    latency: Histogram;
    requests: { average: number; total: number };
    non2xx: number;
    errors: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
