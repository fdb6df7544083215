import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

let fail = true;
vi.mock('./trend-chart', () => {
  if (fail) throw new Error('chunk not reachable');
  return { TrendChart: () => null };
});

describe('useTrendChart', () => {
  it('says when the chart chunk cannot be loaded, and loads it on retry', async () => {
    const { useTrendChart } = await import('./lazy-trend-chart');
    const { result } = renderHook(() => useTrendChart());
    expect(result.current.chart).toBeUndefined();
    await waitFor(() => expect(result.current.failed).toBe(true));
    fail = false;
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.chart?.TrendChart).toBeTypeOf('function'));
    expect(result.current.failed).toBe(false);
    // Once loaded, a new chart has it at once, with no loading state.
    const again = renderHook(() => useTrendChart());
    expect(again.result.current.chart?.TrendChart).toBeTypeOf('function');
  });
});
