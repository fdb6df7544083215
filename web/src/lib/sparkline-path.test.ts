import { describe, expect, it } from 'vitest';
import { runPath, sparklineRuns } from './sparkline-path';

describe('sparklineRuns', () => {
  it.each([
    ['nothing entered', [null, null], []],
    [
      'a full series, highest at the top',
      [0, 10, 5],
      [
        [
          { x: 0, y: 10 },
          { x: 50, y: 0 },
          { x: 100, y: 5 },
        ],
      ],
    ],
    [
      'a gap splits the line, a lone point stays a run of one',
      [0, null, 10, 5, null],
      [
        [{ x: 0, y: 10 }],
        [
          { x: 50, y: 0 },
          { x: 75, y: 5 },
        ],
      ],
    ],
    [
      'a flat series sits in the middle',
      [3, 3],
      [
        [
          { x: 0, y: 5 },
          { x: 100, y: 5 },
        ],
      ],
    ],
  ])('%s', (_name, values, expected) => {
    expect(sparklineRuns(values, 100, 10, 0)).toEqual(expected);
  });

  it('keeps the margin', () => {
    expect(sparklineRuns([1, 2], 100, 10, 2)).toEqual([
      [
        { x: 2, y: 8 },
        { x: 98, y: 2 },
      ],
    ]);
  });

  it('writes a run as an SVG path', () => {
    expect(
      runPath([
        { x: 0, y: 10 },
        { x: 50.5, y: 0 },
      ]),
    ).toBe('M0 10 L50.5 0');
  });
});
