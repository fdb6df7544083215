import { useEffect, useState } from 'react';

/** A module in its own chunk: `load` fetches it once, `current` is it once loaded. */
export interface LazyModule<T> {
  load: () => Promise<T>;
  current: () => T | undefined;
}

/**
 * A module in its own chunk, to show without React.lazy and Suspense: React 19 holds a revealed
 * Suspense boundary back for 300 ms, which every first use would pay (measured on the dashboard
 * by bench/chart-draw.ts). A failed fetch is tried again on the next `load`.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    current: () => loaded,
    load: () => {
      loading ??= importer().then(
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
    },
  };
}

/**
 * The chunk's module once loaded (at once when it already is), `failed` when it could not be
 * fetched, and `retry` to ask again.
 */
export function useLazyModule<T>(chunk: LazyModule<T>): {
  module: T | undefined;
  failed: boolean;
  retry: () => void;
} {
  const [module, setModule] = useState(() => chunk.current());
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (module || failed) return;
    let live = true;
    chunk.load().then(
      (m) => live && setModule(() => m),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [chunk, module, failed]);
  return { module, failed, retry: () => setFailed(false) };
}
