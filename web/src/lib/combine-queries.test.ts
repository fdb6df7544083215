import { describe, expect, it, vi } from 'vitest';
import { combineQueries } from './combine-queries';

const query = (error: unknown = null) => ({ error, refetch: vi.fn() });

describe('combineQueries', () => {
  it.each([
    ['every query answered', { n: 1 }, [null, null], null, false],
    ['one still loading', undefined, [null, null], null, true],
    ['the first error wins', undefined, [null, 'a', 'b'], 'a', true],
  ] as const)('%s', (_name, data, errors, error, isPending) => {
    const combined = combineQueries(
      data,
      errors.map((e) => query(e)),
    );
    expect(combined).toMatchObject({ data, error, isPending });
  });

  it('retries only the queries that failed', () => {
    const queries = [query(), query(new Error('x')), query()];
    combineQueries(undefined, queries).refetch();
    expect(queries.map((q) => q.refetch.mock.calls.length)).toEqual([0, 1, 0]);
  });
});
