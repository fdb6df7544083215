import { lazy } from 'react';

const load = () => import('./trend-chart');

/** The Recharts trend in its own chunk: tiles draw before the chart library is parsed. */
export const LazyTrendChart = lazy(() => load().then((m) => ({ default: m.TrendChart })));

/** Starts fetching the chart chunk ahead of the first click (idempotent). */
export function preloadTrendChart(): void {
  load().catch(() => {
    // a failed preload is retried, and reported, when the chart is first shown
  });
}
