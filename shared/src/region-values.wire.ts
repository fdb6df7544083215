import * as z from 'zod/mini';

// The region's figures as the API answers them, in zod/mini: what the web reads (see
// docs/decisions.md, "Wire shapes in zod/mini"). The query is in ./region-values.schema.ts.

/** One indicator's totals over the answer's `periods`, one entry per period, in their order. */
const IndicatorSeriesSchema = z.object({
  indicator: z.string(),
  /** Some scope (of the pole, or of a pole of the region) tracks it. */
  tracked: z.boolean(),
  /**
   * The export's value at this level, rounded to the catalogue's decimals (ratios recomputed
   * from their summed parts); null where nothing was entered or a ratio cannot be computed.
   */
  values: z.array(z.nullable(z.number())),
  /** The export's `complete`: every scope tracking it entered every quarter the period holds. */
  complete: z.array(z.boolean()),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;

/** The region's or one pole's figures: the export's rows of that level, totals only. */
const UnitFiguresSchema = z.object({
  /** Every indicator the region tracks or holds values of, in catalogue order. */
  series: z.array(IndicatorSeriesSchema),
});

const RegionPoleFiguresSchema = z.extend(UnitFiguresSchema, {
  slug: z.string(),
  name: z.string(),
  territory: z.string(),
});

/**
 * `GET /api/regions/{region}/values`: the region's totals and each of its poles', as the
 * region-level and pole-level exports compute them over the same range (one engine).
 */
export const RegionValuesResponseSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  by: z.enum(['quarter', 'year']),
  /** Quarters (`2025Q2`) or years (`2025`, a year cut by the range holding its quarters in it). */
  periods: z.array(z.string()),
  /** The region as a whole. */
  total: UnitFiguresSchema,
  /** The region's poles, by slug (the export's order). */
  poles: z.array(RegionPoleFiguresSchema),
});
export type RegionValuesResponse = z.infer<typeof RegionValuesResponseSchema>;
