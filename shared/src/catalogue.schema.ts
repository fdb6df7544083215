import * as z from 'zod/mini';

/** Units of measure of the catalogue. `count` and `persons` are integers. */
const UNITS = ['count', 'persons', 'fte', 'eur', 'tonnes', 'hours', 'percent', 'mwh'] as const;
const UnitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof UnitSchema>;

/** Units whose values must be whole numbers (rule E8). */
export const INTEGER_UNITS: readonly Unit[] = ['count', 'persons'];

/**
 * How an indicator aggregates over time: `flow` = sum of quarters, `stock` = last quarter,
 * `ratio` = Σ numerator ÷ Σ denominator, computed, never entered.
 */
const KINDS = ['flow', 'stock', 'ratio'] as const;
const KindSchema = z.enum(KINDS);
export type Kind = z.infer<typeof KindSchema>;

export const IndicatorCodeSchema = z
  .string()
  .check(z.regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'indicator code: capitals, digits and dashes'));
const DimensionCodeSchema = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/));
const MemberCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/));

/** A term of a ratio: an indicator's total (`slice` null) or one of its slices (`dim=member`). */
const RatioTermSchema = z.object({
  indicator: IndicatorCodeSchema,
  slice: z.nullable(z.string()),
});
export type RatioTerm = z.infer<typeof RatioTermSchema>;

const DimensionMemberSchema = z.object({
  code: MemberCodeSchema,
  labelFr: z.string(),
  labelEn: z.string(),
});

/**
 * A breakdown dimension. When `poleGroups` is true, the pole's own working-group slugs are
 * members too, in addition to `members` (which then holds `transversal` and `non_renseigne`).
 */
const DimensionSchema = z.object({
  code: DimensionCodeSchema,
  labelFr: z.string(),
  labelEn: z.string(),
  poleGroups: z.boolean(),
  members: z.array(DimensionMemberSchema).check(z.minLength(1)),
});
export type Dimension = z.infer<typeof DimensionSchema>;

export const IndicatorSchema = z.object({
  code: IndicatorCodeSchema,
  theme: z.string(),
  labelFr: z.string().check(z.minLength(1)),
  labelEn: z.string().check(z.minLength(1)),
  definitionFr: z.string(),
  definitionEn: z.string(),
  unit: UnitSchema,
  kind: KindSchema,
  /** Decimals shown and accepted on entry (0 for count/persons). */
  decimals: z.int().check(z.gte(0), z.lte(4)),
  /** Breakdown dimension codes; each is a marginal split of the total. Empty for ratios. */
  breakdowns: z.array(DimensionCodeSchema),
  /** Ratio parts (summed); null unless kind = ratio. */
  numerator: z.nullable(z.array(RatioTermSchema)),
  denominator: z.nullable(z.array(RatioTermSchema)),
  /** Ratio multiplier (100 for percent). */
  scale: z.number().check(z.positive()),
  /** Validation bounds for an entered quarter value (inclusive); null = unbounded. */
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  grounding: z.enum(['source', 'partial', 'proposal']),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const CatalogueSchema = z.object({
  version: z.string(),
  dimensions: z.array(DimensionSchema),
  indicators: z.array(IndicatorSchema),
});
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** `GET /api/catalogue`: the catalogue, and the codes kept only for stored values (`retired`). */
export const CatalogueResponseSchema = z.extend(CatalogueSchema, { retired: z.array(z.string()) });
export type CatalogueResponse = z.infer<typeof CatalogueResponseSchema>;

/** The slice key of a total. Breakdown slices are written `dimension=member`. */
export const TOTAL_SLICE = '';
