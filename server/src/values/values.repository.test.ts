import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { totalRowsQuery, valuesQuery } from './values.repository';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(async () => {
  await t.close();
});

const planOf = (f: Parameters<typeof valuesQuery>[2]) => {
  const { sql, parameters } = valuesQuery(t.db, 1, f).compile();
  return (
    t.sqlite!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as Array<{
      detail: string;
    }>
  )
    .map((r) => r.detail)
    .join('\n');
};

describe('valuesQuery', () => {
  it('reads the totals through the partial covering index, and slices through the pole index', () => {
    expect(planOf({ from: '2025Q1', to: '2026Q3', slice: '' })).toMatch(
      /USING (COVERING )?INDEX values_totals\b/,
    );
    expect(planOf({ from: '2025Q1', to: '2026Q3' })).not.toMatch(/values_totals/);
  });
});

describe('valuesQuery with ratio terms', () => {
  it('adds the term slices in a second select merged in the same order', () => {
    const { sql } = valuesQuery(t.db, 1, {
      slice: '',
      terms: [{ indicator: 'DS-ENTREES-ACCOMPAGNEMENT', slice: 'residence=qpv' }],
    }).compile();
    expect(sql).toMatch(/union all[\s\S]*order by "isPole"/);
    const plan = planOf({
      from: '2025Q1',
      to: '2026Q3',
      slice: '',
      terms: [{ indicator: 'DS-ENTREES-ACCOMPAGNEMENT', slice: 'residence=qpv' }],
    });
    // the totals through their partial index; the term slice through the cell index
    // (scope, indicator, period), never a scan of the pole's rows in range
    expect(plan).toMatch(/USING (COVERING )?INDEX values_totals\b/);
    expect(plan).toMatch(
      /SEARCH v USING INDEX sqlite_autoindex_values_1 \(group_id=\? AND indicator_code=\? AND period>\? AND period<\?\)/,
    );
    expect(plan).not.toMatch(/values_pole_period/);
  });
});

describe('totalRowsQuery', () => {
  it('searches the outlier history on the totals’ covering index, never scanning', () => {
    const { sql, parameters } = totalRowsQuery(t.db, 1, ['2025Q1', '2024Q4'], {
      groupIds: [1, 2],
      indicators: ['PTCE-MEMBRES', 'PTCE-EVENEMENTS'],
    }).compile();
    const plan = (
      t.sqlite!.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as Array<{
        detail: string;
      }>
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH values USING COVERING INDEX values_totals\b/);
    expect(plan).not.toMatch(/\bSCAN\b/);
  });
});
