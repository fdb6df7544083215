import { describe, expect, it } from 'vitest';
import { isFlagColumn, isoFromPg, isTimeColumn } from './postgres';

describe('isoFromPg', () => {
  it('gives back the ISO string the application wrote, milliseconds included', () => {
    expect(isoFromPg('2026-11-29 10:00:00+00')).toBe('2026-11-29T10:00:00.000Z');
    expect(isoFromPg('2026-11-29 10:00:00.123+00')).toBe('2026-11-29T10:00:00.123Z');
    expect(isoFromPg('2026-11-29 10:00:00.1+00')).toBe('2026-11-29T10:00:00.100Z');
    // microseconds (written by PostgreSQL itself, never by the app) are cut to milliseconds
    expect(isoFromPg('2026-11-29 10:00:00.123456+00')).toBe('2026-11-29T10:00:00.123Z');
  });

  it('turns another time zone into UTC', () => {
    expect(isoFromPg('2026-11-29 11:30:00.5+01:30')).toBe('2026-11-29T10:00:00.500Z');
    expect(isoFromPg('2026-11-29 05:00:00-05')).toBe('2026-11-29T10:00:00.000Z');
  });

  it('round-trips every instant the app writes', () => {
    for (const t of [0, 1, 999, 1_764_410_400_123, 4_102_444_799_999]) {
      const iso = new Date(t).toISOString();
      const pg = `${iso.slice(0, 10)} ${iso.slice(11, 23)}+00`;
      expect(isoFromPg(pg)).toBe(iso);
    }
  });
});

describe('the PostgreSQL column types of the migrations', () => {
  it('reads times and flags from the names the migrations use', () => {
    for (const n of ['at', 'created_at', 'lease_until', 'next_attempt_at'])
      expect(isTimeColumn(n)).toBe(true);
    for (const n of ['period', 'attempts', 'status', 'data']) expect(isTimeColumn(n)).toBe(false);
    for (const n of ['is_pole', 'can_write', 'retired', 'pole_groups'])
      expect(isFlagColumn(n)).toBe(true);
    for (const n of ['position', 'version', 'decimals', 'hits'])
      expect(isFlagColumn(n)).toBe(false);
  });
});
