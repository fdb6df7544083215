import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSettled } from './use-settled';

describe('useSettled', () => {
  it('keeps the last settled value while the next one is not settled, then takes it', () => {
    const { result, rerender } = renderHook(({ value, settled }) => useSettled(value, settled), {
      initialProps: { value: undefined as string | undefined, settled: false },
    });
    expect(result.current).toBeUndefined();
    rerender({ value: 'T1 2025', settled: true });
    expect(result.current).toBe('T1 2025');
    // the previous answer read at the new range: not shown
    rerender({ value: 'T1 2025 data at T2 range', settled: false });
    expect(result.current).toBe('T1 2025');
    rerender({ value: 'T2 2025', settled: true });
    expect(result.current).toBe('T2 2025');
  });

  it('shows an unsettled value when nothing settled before', () => {
    const { result } = renderHook(() => useSettled('first', false));
    expect(result.current).toBe('first');
  });
});
