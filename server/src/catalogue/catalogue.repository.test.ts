import { loadCatalogue as loadCatalogueFile } from '@ptce/data/catalogue';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { loadCatalogue, syncCatalogue } from './catalogue.repository';

let t: TestInstance;
beforeEach(async () => {
  t = await createTestInstance();
});
afterEach(async () => {
  await t.close();
});

describe('catalogue sync', () => {
  it('run twice changes nothing', async () => {
    const file = loadCatalogueFile();
    const before = await t.db.selectFrom('indicators').selectAll().orderBy('code').execute();
    const report = await syncCatalogue(t.db, file);
    expect(report).toEqual({ added: [], updated: [], retired: [], removed: [] });
    expect(await t.db.selectFrom('indicators').selectAll().orderBy('code').execute()).toEqual(
      before,
    );
    expect(await loadCatalogue(t.db)).toEqual(file);
  });

  it('adds new indicators, updates labels, and retires (never deletes) a code still in use', async () => {
    const file = loadCatalogueFile();
    const last = file.indicators.at(-1)!;
    const extra = { ...last, code: 'PTCE-NOUVEAU', labelFr: 'Nouvel indicateur' };
    const indicators = [...file.indicators.slice(0, -1), extra].map((i) =>
      i.code === 'PTCE-EVENEMENTS' ? { ...i, labelFr: 'Événements (v2)' } : i,
    );
    const report = await syncCatalogue(t.db, { ...file, indicators });
    expect(report).toEqual({
      added: ['PTCE-NOUVEAU'],
      updated: ['PTCE-EVENEMENTS'],
      retired: [last.code],
      removed: [],
    });
    const kept = await t.db
      .selectFrom('indicators')
      .select(['code', 'retired'])
      .where('code', '=', last.code)
      .executeTakeFirstOrThrow();
    expect(kept.retired).toBe(1);
    const label = await t.db
      .selectFrom('indicators')
      .select('label_fr')
      .where('code', '=', 'PTCE-EVENEMENTS')
      .executeTakeFirstOrThrow();
    expect(label.label_fr).toBe('Événements (v2)');
    // removing an indicator nothing uses deletes it
    await t.db
      .deleteFrom('tracked_indicators')
      .where('indicator_code', '=', 'PTCE-NOUVEAU')
      .execute();
    const again = await syncCatalogue(t.db, { ...file, indicators: indicators.slice(0, -1) });
    expect(again.removed).toEqual(['PTCE-NOUVEAU']);
  });

  it('is served at /api/catalogue without login', async () => {
    const res = await call(t, 'GET', '/api/catalogue');
    expect(res.status).toBe(200);
    expect(res.json.indicators).toHaveLength(45);
    expect(
      res.json.indicators.find((i: { code: string }) => i.code === 'TE-TAUX-REEMPLOI'),
    ).toMatchObject({ kind: 'ratio', unit: 'percent' });
  });
});
