import { useEffect, useState } from 'react';

/**
 * `value` once it has not changed for `ms` milliseconds; the first value at once. Compared as
 * JSON (so `value` must be JSON data): a new object with the same content changes nothing.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const json = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(
      () => setSettled((prev) => (JSON.stringify(prev) === json ? prev : JSON.parse(json))),
      ms,
    );
    return () => clearTimeout(timer);
  }, [json, ms]);
  return settled;
}
