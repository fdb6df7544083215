import { describe, expectTypeOf, it } from 'vitest';
import type { AggregateRow } from './aggregation/aggregation.types';
import type { ExportRow } from './exports.schema';

describe('ExportRowSchema', () => {
  it('describes the engine’s rows exactly', () => {
    expectTypeOf<ExportRow>().toEqualTypeOf<AggregateRow>();
  });
});
