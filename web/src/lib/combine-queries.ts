/** What `combineQueries` needs of a TanStack query. */
interface QueryLike {
  error: unknown;
  refetch: () => unknown;
}

/** Several queries seen as one by `QueryState`. */
export interface CombinedQuery<T> {
  data: T | undefined;
  /** The first error among the queries, or null. */
  error: unknown;
  /** True until `data` is there. */
  isPending: boolean;
  /** Asks again only the queries that failed. */
  refetch: () => void;
}

/**
 * Several queries as one query-like object for `QueryState`: `data` is what the caller derived
 * once every query answered (undefined until then), the first error wins, and a retry refetches
 * only the queries that failed.
 */
export function combineQueries<T>(
  data: T | undefined,
  queries: readonly QueryLike[],
): CombinedQuery<T> {
  return {
    data,
    error: queries.find((q) => q.error)?.error ?? null,
    isPending: data === undefined,
    refetch: () => {
      for (const q of queries) if (q.error) q.refetch();
    },
  };
}
