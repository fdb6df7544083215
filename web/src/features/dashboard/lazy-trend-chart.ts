import { useEffect, useState } from 'react';

type ChartModule = typeof import('./trend-chart');

let loaded: ChartModule | undefined;
let loading: Promise<ChartModule> | undefined;

/** The Recharts trend's chunk, fetched once (a failed fetch is tried again on the next call). */
function load(): Promise<ChartModule> {
  loading ??= import('./trend-chart').then(
    (m) => {
      loaded = m;
      return m;
    },
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Starts fetching the chart chunk ahead of the first click (idempotent). */
export function preloadTrendChart(): void {
  load().catch(() => {
    // a failed preload is tried again, and reported, when the chart is first shown
  });
}

/**
 * The Recharts trend in its own chunk, so that tiles draw before the chart library is parsed.
 * Loaded by hand rather than through React.lazy and Suspense: React holds a revealed Suspense
 * boundary back for 300 ms, which the dashboard would pay on every first chart (measured in
 * bench/chart-draw.ts). `failed` is true when the chunk could not be fetched; `retry` asks again.
 */
export function useTrendChart(): {
  chart: ChartModule | undefined;
  failed: boolean;
  retry: () => void;
} {
  const [chart, setChart] = useState(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (chart || failed) return;
    let live = true;
    load().then(
      (m) => live && setChart(m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [chart, failed]);
  return {
    chart,
    failed,
    retry: () => setFailed(false),
  };
}
