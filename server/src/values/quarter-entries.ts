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

/** One entry of a parsed quarter: group id, indicator, slice, author's id, JSON members. */
const STRIDE = 5;

/** A quarter's entries as `parseEntries` gives them back: STRIDE items per value. */
export type ParsedEntries = ReadonlyArray<string | number | null>;

const byCell = (a: EntryRow, b: EntryRow) =>
  a.group_id - b.group_id ||
  (a.indicator_code < b.indicator_code ? -1 : a.indicator_code > b.indicator_code ? 1 : 0) ||
  (a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0);

/**
 * A quarter's values serialised for `valuesAnswerJson`: one line per value,
 * `groupId TAB indicator TAB slice TAB updatedBy (user id or nothing) TAB members`, sorted by
 * (group id, indicator, slice) in code-unit order (SQLite's BINARY order of these ASCII codes),
 * where `members` is the value's JSON object from `indicator` to `updatedAt`, without its braces,
 * exactly as `JSON.stringify` writes a StoredValue's. JSON text holds neither a raw tab nor a
 * newline (both are escaped), nor do codes and slices: the lines split without escaping.
 */
export function quarterEntries(rows: readonly EntryRow[]): string {
  const lines: string[] = [];
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
    const json = JSON.stringify(members);
    lines.push(
      `${r.group_id}\t${r.indicator_code}\t${r.slice}\t${r.updated_by ?? ''}\t${json.slice(1, -1)}`,
    );
  }
  return lines.join('\n');
}

/** The entries `quarterEntries` wrote, flat: a few string searches, no JSON parsing. */
export function parseEntries(text: string): ParsedEntries {
  const out: Array<string | number | null> = [];
  let at = 0;
  while (at < text.length) {
    const a = text.indexOf('\t', at);
    const b = text.indexOf('\t', a + 1);
    const c = text.indexOf('\t', b + 1);
    const d = text.indexOf('\t', c + 1);
    let end = text.indexOf('\n', d + 1);
    if (end === -1) end = text.length;
    out.push(
      Number(text.slice(at, a)),
      text.slice(a + 1, b),
      text.slice(b + 1, c),
      c + 1 === d ? null : Number(text.slice(c + 1, d)),
      text.slice(d + 1, end),
    );
    at = end + 1;
  }
  return out;
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
  // The answer's parts, joined once at the end (no string per value).
  const out: string[] = [`{"pole":${JSON.stringify(pole)},"values":[`];
  let first = true;
  for (const scope of scopes) {
    if (opts.groupId !== undefined && scope.id !== opts.groupId) continue;
    const head = `{"scope":${JSON.stringify(scope.slug)},`;
    const next = `,${head}`;
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
          out.push(
            first ? head : next,
            q[j + 4] as string,
            author === null
              ? ',"updatedBy":null}'
              : `,"updatedBy":${names.get(author as number) ?? 'null'}}`,
          );
          first = false;
        }
        at[i] = j;
      }
    }
  }
  out.push(']}');
  return out.join('');
}
