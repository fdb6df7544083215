import { describe, expect, it } from 'vitest';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance } from '../test-support/test-instance';
import { openSnapshot } from './create-db';

describe('openSnapshot', () => {
  it('reads the database as it was when opened, while the API connection keeps writing', async () => {
    const t = await createTestInstance();
    await seedValues(t, 'henin-carvin', [['pole', 'PTCE-EVENEMENTS', '2026Q1', 1]]);
    const snap = await openSnapshot(t.file);
    await seedValues(t, 'henin-carvin', [['pole', 'PTCE-EVENEMENTS', '2026Q2', 2]]);
    const seen = await snap.db.selectFrom('values').select('period').execute();
    expect(seen.map((r) => r.period)).toEqual(['2026Q1']);
    await expect(snap.db.deleteFrom('values').execute()).rejects.toThrow(/readonly/);
    await snap.close();
    const after = await openSnapshot(t.file);
    expect((await after.db.selectFrom('values').select('period').execute()).length).toBe(2);
    await after.close();
    await t.close();
  });
});
