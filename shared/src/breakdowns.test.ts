import { describe, expect, it } from 'vitest';
import { checkBreakdowns, nearlyEqual } from './breakdowns';

const s = (slice: string, value: number) => ({ slice, value });

describe('checkBreakdowns', () => {
  it.each([
    {
      name: 'sums equal',
      total: 10,
      slices: [s('sex=femme', 6), s('sex=homme', 3), s('sex=non_renseigne', 1)],
      expected: [{ dimension: 'sex', sum: 10, ok: true, missing: false }],
    },
    {
      name: 'sum short of the total',
      total: 10,
      slices: [s('sex=femme', 6), s('sex=homme', 3)],
      expected: [{ dimension: 'sex', sum: 9, ok: false, missing: false }],
    },
    {
      name: 'sum above the total',
      total: 3,
      slices: [s('residence=qpv', 4)],
      expected: [{ dimension: 'residence', sum: 4, ok: false, missing: false }],
    },
    {
      name: 'two dimensions, sorted, checked independently',
      total: 5,
      slices: [s('sex=femme', 5), s('age_band=moins_26', 2), s('age_band=50_plus', 2)],
      expected: [
        { dimension: 'age_band', sum: 4, ok: false, missing: false },
        { dimension: 'sex', sum: 5, ok: true, missing: false },
      ],
    },
    {
      name: 'decimals within tolerance',
      total: 0.3,
      slices: [s('waste_stream=mobilier', 0.1), s('waste_stream=deee', 0.2)],
      expected: [{ dimension: 'waste_stream', sum: 0.1 + 0.2, ok: true, missing: false }],
    },
    {
      name: 'decimals beyond tolerance',
      total: 1000.5,
      slices: [s('funder_type=etat', 1000.49)],
      expected: [{ dimension: 'funder_type', sum: 1000.49, ok: false, missing: false }],
    },
    {
      name: 'slices without a total',
      total: null,
      slices: [s('sex=femme', 2)],
      expected: [{ dimension: 'sex', sum: 2, ok: false, missing: true }],
    },
    {
      name: 'zero total and zero slices',
      total: 0,
      slices: [s('sex=non_renseigne', 0)],
      expected: [{ dimension: 'sex', sum: 0, ok: true, missing: false }],
    },
    { name: 'no slices', total: 7, slices: [], expected: [] },
    {
      name: 'total and garbage keys ignored',
      total: 7,
      slices: [s('', 7), s('x', 1)],
      expected: [],
    },
  ])('$name', ({ total, slices, expected }) => {
    const results = checkBreakdowns(total, slices);
    expect(results).toHaveLength(expected.length);
    results.forEach((result, i) => {
      expect(result).toMatchObject({ ...expected[i], total });
    });
  });

  it('lists the summed slices', () => {
    const [result] = checkBreakdowns(3, [s('sex=femme', 1), s('sex=homme', 2)]);
    expect(result?.slices).toEqual(['sex=femme', 'sex=homme']);
  });
});

describe('nearlyEqual', () => {
  it.each([
    [1, 1, true],
    [0, 0, true],
    [0.1 + 0.2, 0.3, true],
    [1e12, 1e12 + 1, true],
    [1e12, 1e12 + 10_000, false],
    [1, 1.000001, false],
    [0, 1e-12, false],
  ])('nearlyEqual(%s, %s) = %s', (a, b, expected) => {
    expect(nearlyEqual(a, b)).toBe(expected);
  });
});
