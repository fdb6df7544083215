import { it } from 'vitest';
import { aggregateSeries } from './aggregate-series';
import type { Cell } from './domain.types';
import { quarterRange } from './periods';
import { catalogueFixture } from './test-fixtures/catalogue.fixture';

it('bench', () => {
  const codes = catalogueFixture.indicators.filter((i) => i.kind !== 'ratio').map((i) => i.code);
  const qs = quarterRange('2016Q1', '2025Q4');
  const cells: Cell[] = [];
  for (let p = 0; p < 1000; p++)
    for (const q of qs)
      for (const c of codes)
        for (const sl of ['', 'sex=femme', 'sex=homme', 'sex=non_renseigne'])
          cells.push({ scope: `s${p}`, indicator: c, period: q, slice: sl, value: 1 });
  console.log('cells', cells.length);
  for (const by of ['quarter', 'year', 'quarter'] as const) {
    const t0 = performance.now();
    const out = aggregateSeries(catalogueFixture, cells, { by, from: '2016Q1', to: '2025Q4' });
    console.log(by, out.length, Math.round(performance.now() - t0), 'ms');
  }
}, 120000);
