import type { StoredValue } from '@ptce/shared/values.schema';

/** What a quarter's entries keep of a value row (a value that is entered: not null). */
export interface EntryRow {
  group_id: number;
  indicator_code: string;
  period: string;
  slice: string;
  value: number;
  comment: string | null;
  override_reason: string | null;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

/** One entry in the flat array: group id, indicator, slice, author's id, JSON members. */
const STRIDE = 5;

/** A quarter's entries as `quarterEntries` writes them, parsed (`JSON.parse`). */
export type ParsedEntries = ReadonlyArray<string | number | null>;

const byCell = (a: EntryRow, b: EntryRow) =>
  a.group_id - b.group_id ||
  (a.indicator_code < b.indicator_code ? -1 : a.indicator_code > b.indicator_code ? 1 : 0) ||
  (a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0);

/**
 * A quarter's values serialised for `valuesAnswerJson`: a flat JSON array of
 * `[groupId, indicator, slice, updatedBy (user id or null), members]` per value, sorted by
 * (group id, indicator, slice) in code-unit order (SQLite's BINARY order of these ASCII codes),
 * where `members` is the value's JSON object from `indicator` to `updatedAt`, without its braces,
 * exactly as `JSON.stringify` writes a StoredValue's.
 */
export function quarterEntries(rows: readonly EntryRow[]): string {
  const flat: Array<string | number | null> = [];
  for (const r of [...rows].sort(byCell)) {
    const members: Omit<StoredValue, 'scope' | 'updatedBy'> = {
      indicator: r.indicator_code,
      period: r.period,
      slice: r.slice,
      value: r.value,
      comment: r.comment,
      overrideReason: r.override_reason,
      version: r.version,
      updatedAt: r.updated_at,
    };
    flat.push(
      r.group_id,
      r.indicator_code,
      r.slice,
      r.updated_by,
      JSON.stringify(members).slice(1, -1),
    );
  }
  return JSON.stringify(flat);
}

export interface AnswerScope {
  id: number;
  slug: string;
}

/**
 * The JSON text of `GET /api/poles/{pole}/values` (a ValuesResponse), byte for byte what
 * `JSON.stringify({ pole, values: findValues(…) })` writes for the totals (`slice=`), from the
 * parsed entries of each quarter of the range (`quarters`, oldest first): values ordered by
 * scope (`scopes`, in their order), indicator, quarter and slice. `names` maps an author's id to
 * the JSON of their name (a missing id is `null`, as the left join reads a removed account);
 * `groupId` keeps one scope; `withTerms` false keeps the totals only (no ratio-term slices).
 */
export function valuesAnswerJson(
  pole: string,
  quarters: readonly ParsedEntries[],
  scopes: readonly AnswerScope[],
  names: ReadonlyMap<number, string>,
  opts: { groupId?: number | undefined; withTerms: boolean },
): string {
  const k = quarters.length;
  const at = new Int32Array(k);
  const end = new Int32Array(k);
  const out: string[] = [];
  for (const scope of scopes) {
    if (opts.groupId !== undefined && scope.id !== opts.groupId) continue;
    const head = `{"scope":${JSON.stringify(scope.slug)},`;
    // Each quarter's entries of this scope: one run, as they are sorted by group id.
    for (let i = 0; i < k; i++) {
      const q = quarters[i]!;
      let j = 0;
      while (j < q.length && q[j] !== scope.id) j += STRIDE;
      at[i] = j;
      while (j < q.length && q[j] === scope.id) j += STRIDE;
      end[i] = j;
    }
    // A merge on the indicator: for each indicator in order, its entries quarter by quarter.
    for (;;) {
      let indicator: string | undefined;
      for (let i = 0; i < k; i++) {
        if (at[i]! >= end[i]!) continue;
        const code = quarters[i]![at[i]! + 1] as string;
        if (indicator === undefined || code < indicator) indicator = code;
      }
      if (indicator === undefined) break;
      for (let i = 0; i < k; i++) {
        const q = quarters[i]!;
        let j = at[i]!;
        for (; j < end[i]! && q[j + 1] === indicator; j += STRIDE) {
          if (!opts.withTerms && q[j + 2] !== '') continue;
          const author = q[j + 3];
          const name = author === null ? 'null' : (names.get(author as number) ?? 'null');
          out.push(`${head}${q[j + 4] as string},"updatedBy":${name}}`);
        }
        at[i] = j;
      }
    }
  }
  return `{"pole":${JSON.stringify(pole)},"values":[${out.join(',')}]}`;
}
