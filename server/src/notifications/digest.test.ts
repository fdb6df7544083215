import { describe, expect, it } from 'vitest';
import { digestSlot } from './digest';

describe('digestSlot', () => {
  it.each([
    ['2026-11-30T06:00:00.000Z', 6, '2026-11-30T06:00:00.000Z'],
    ['2026-11-30T05:59:59.999Z', 6, '2026-11-29T06:00:00.000Z'],
    ['2026-12-01T00:30:00.000Z', 6, '2026-11-30T06:00:00.000Z'],
    ['2027-01-01T00:30:00.000Z', 0, '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T22:00:00.000Z', 23, '2026-12-31T23:00:00.000Z'],
  ])('at %s with hour %i → %s', (now, hour, slot) => {
    expect(digestSlot(new Date(now), hour)).toBe(slot);
  });
});
