import { lazyModule, useLazyModule } from '../../lib/lazy-module';

/** The Recharts trend in its own chunk, so that tiles draw before the chart library is parsed. */
const trendChart = lazyModule(() => import('./trend-chart'));

/** Starts fetching the chart chunk ahead of the first click (idempotent). */
export function preloadTrendChart(): void {
  trendChart.load().catch(() => {
    // a failed preload is tried again, and reported, when the chart is first shown
  });
}

/** The chart's module once loaded (see lazyModule: no Suspense, so no 300 ms hold). */
export function useTrendChart() {
  const { module, failed, retry } = useLazyModule(trendChart);
  return { chart: module, failed, retry };
}
