import { describe, expect, it } from 'vitest';
import { quarterCompleteness } from './periods.schema';

describe('quarterCompleteness', () => {
  it.each([
    [undefined, { filled: 0, expected: 0 }],
    [{ scopes: [] }, { filled: 0, expected: 0 }],
    [
      {
        scopes: [
          { scope: 'a', filled: 3, expected: 9 },
          { scope: 'pole', filled: 0, expected: 20 },
        ],
      },
      { filled: 3, expected: 29 },
    ],
  ])('%j → %j', (state, expected) => {
    expect(quarterCompleteness(state)).toEqual(expected);
  });
});
