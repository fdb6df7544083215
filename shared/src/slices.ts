import { type Catalogue, type Dimension, type Indicator, TOTAL_SLICE } from './catalogue.schema';

/** The member every dimension has for "not specified"; it counts in the breakdown sums. */
export const NOT_SPECIFIED = 'non_renseigne';

const SLICE_PATTERN = /^([a-z][a-z0-9_]*)=([A-Za-z0-9][A-Za-z0-9_-]*)$/;

/** A breakdown slice: one member of one dimension. */
export interface SliceParts {
  dimension: string;
  member: string;
}

/**
 * Reads a slice key: `''` (the total) → null, `sex=femme` → `{ dimension, member }`.
 * @throws RangeError when the key is neither empty nor `dimension=member` with valid codes.
 */
export function parseSlice(slice: string): SliceParts | null {
  if (slice === TOTAL_SLICE) return null;
  const match = SLICE_PATTERN.exec(slice);
  if (!match) throw new RangeError(`invalid slice: ${JSON.stringify(slice)}`);
  return { dimension: match[1] ?? '', member: match[2] ?? '' };
}

/**
 * Writes a slice key: null → `''` (the total), `{ dimension, member }` → `dimension=member`.
 * @throws RangeError when a code is not a valid dimension or member code.
 */
export function formatSlice(parts: SliceParts | null): string {
  if (parts === null) return TOTAL_SLICE;
  const slice = `${parts.dimension}=${parts.member}`;
  if (!SLICE_PATTERN.test(slice)) throw new RangeError(`invalid slice parts: ${slice}`);
  return slice;
}

/**
 * The member codes of a dimension for one pole: with `poleGroups`, the pole's working-group
 * slugs first, then the listed members (e.g. `transversal`, `non_renseigne`); no duplicates.
 */
export function dimensionMembers(
  dimension: Dimension,
  poleGroupSlugs: readonly string[],
): string[] {
  const listed = dimension.members.map((m) => m.code);
  if (!dimension.poleGroups) return listed;
  return [...new Set([...poleGroupSlugs, ...listed])];
}

/**
 * Every valid slice key of an indicator for one pole: `''` (the total) first, then
 * `dimension=member` for each of its breakdown dimensions in catalogue order. A breakdown code
 * missing from `dimensions` contributes no slice. Ratios have no breakdowns: only `''`.
 */
export function allowedSlices(
  indicator: Indicator,
  dimensions: readonly Dimension[],
  poleGroupSlugs: readonly string[],
): string[] {
  const slices = [TOTAL_SLICE];
  for (const code of indicator.breakdowns) {
    const dimension = dimensions.find((d) => d.code === code);
    if (!dimension) continue;
    for (const member of dimensionMembers(dimension, poleGroupSlugs)) {
      slices.push(`${code}=${member}`);
    }
  }
  return slices;
}

/**
 * Whether `slice` is one of `allowedSlices(indicator, dimensions, poleGroupSlugs)`, without
 * building the list. Malformed keys are not allowed (no throw).
 */
export function isAllowedSlice(
  indicator: Indicator,
  dimensions: readonly Dimension[],
  poleGroupSlugs: readonly string[],
  slice: string,
): boolean {
  if (slice === TOTAL_SLICE) return true;
  const match = SLICE_PATTERN.exec(slice);
  const code = match?.[1] ?? '';
  const member = match?.[2] ?? '';
  if (!match || !indicator.breakdowns.includes(code)) return false;
  const dimension = dimensions.find((d) => d.code === code);
  if (!dimension) return false;
  if (dimension.poleGroups && poleGroupSlugs.includes(member)) return true;
  return dimension.members.some((m) => m.code === member);
}

/**
 * The breakdown slices that the catalogue's ratios read (`DS-ENTREES-ACCOMPAGNEMENT` ×
 * `residence=qpv` for the QPV share), once each: what a reader of the totals must fetch
 * besides them to compute every ratio.
 */
export function ratioTermSlices(catalogue: Catalogue): Array<{ indicator: string; slice: string }> {
  const seen = new Map<string, { indicator: string; slice: string }>();
  for (const ratio of catalogue.indicators) {
    for (const t of [...(ratio.numerator ?? []), ...(ratio.denominator ?? [])]) {
      if (t.slice)
        seen.set(`${t.indicator}|${t.slice}`, { indicator: t.indicator, slice: t.slice });
    }
  }
  return [...seen.values()];
}
