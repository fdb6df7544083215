import { useRef } from 'react';

/**
 * `value` once its queries are `settled` (none shows a kept previous answer); while they are
 * not, the last settled value, so a screen never mixes a previous answer with the new request
 * (the old range's numbers read at the new range). Before anything settled: `value`.
 */
export function useSettled<T>(value: T | undefined, settled: boolean): T | undefined {
  const last = useRef<T | undefined>(undefined);
  // Written during render on purpose: the value shown and the one kept must be the same render's.
  if (settled && value !== undefined) last.current = value;
  return settled ? value : (last.current ?? value);
}
