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
 * A quarter's values serialised, one line per value in both texts, sorted by (group id,
 * indicator, slice) in code-unit order (SQLite's BINARY order of these ASCII codes):
 * - `entries`, for `valuesAnswerJson`: `groupId TAB indicator TAB slice TAB updatedBy (user id or
 *   nothing) TAB members`;
 * - `cells`, for `seriesAnswerJson`: a line `groupId TAB indicator TAB slice` per value, then one
 *   line of the values' JSON joined by commas, in the same order (empty: no value). A pole's
 *   quarters mostly hold the same cells: their key lines are then the same text, compared once.
 *
 * where `members` is the value's JSON object from `indicator` to `updatedAt`, without its braces,
 * exactly as `JSON.stringify` writes a StoredValue's. JSON text holds neither a raw tab nor a
 * newline (both are escaped), nor do codes and slices: the lines split without escaping.
 */
export function quarterTexts(rows: readonly EntryRow[]): { entries: string; cells: string } {
  const lines: string[] = [];
  const keys: string[] = [];
  const values: string[] = [];
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
    const cell = `${r.group_id}\t${r.indicator_code}\t${r.slice}`;
    lines.push(`${cell}\t${r.updated_by ?? ''}\t${json.slice(1, -1)}`);
    keys.push(cell);
    values.push(JSON.stringify(r.value));
  }
  return {
    entries: lines.join('\n'),
    cells: keys.length === 0 ? '' : `${keys.join('\n')}\n${values.join(',')}`,
  };
}

/** The entries `quarterTexts` wrote, flat: a few string searches, no JSON parsing. */
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

/** A quarter's cells as `parseCells` gives them back. */
export interface ParsedCells {
  /** The key lines (`groupId TAB indicator TAB slice`), as one text; '' for none. */
  keys: string;
  /** Each key's value (its JSON), in the keys' order. */
  values: string[];
}

/** The cells `quarterTexts` wrote. */
export function parseCells(text: string): ParsedCells {
  const last = text.lastIndexOf('\n');
  if (last === -1) return { keys: '', values: [] };
  return { keys: text.slice(0, last), values: text.slice(last + 1).split(',') };
}

/**
 * Where each quarter's entries of scope `groupId` start (`at`) and end (`end`): one run, as the
 * entries are sorted by group id.
 */
function scopeRuns(
  quarters: readonly ParsedEntries[],
  groupId: number,
  at: Int32Array,
  end: Int32Array,
): void {
  for (let i = 0; i < quarters.length; i++) {
    const q = quarters[i]!;
    let j = 0;
    while (j < q.length && q[j] !== groupId) j += STRIDE;
    at[i] = j;
    while (j < q.length && q[j] === groupId) j += STRIDE;
    end[i] = j;
  }
}

/** The ids of the authors of the parsed quarters' entries. */
export function entryAuthors(quarters: readonly ParsedEntries[]): Set<number> {
  const authors = new Set<number>();
  for (const q of quarters)
    for (let i = 3; i < q.length; i += STRIDE) if (q[i] !== null) authors.add(q[i] as number);
  return authors;
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
    scopeRuns(quarters, scope.id, at, end);
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

/** How the series of one set of key lines are written: in the answer's order. */
interface SeriesLayout {
  /** Each series' column in the quarters' values, in the answer's order. */
  columns: Int32Array;
  /** Each series' JSON up to its values: `{"scope":…,"indicator":…,"slice":…,"values":[`. */
  heads: string[];
}

/**
 * Layouts by the scopes they were made for and the key lines. A pole's quarters usually share
 * their key lines, and the series route passes the pole's cached scopes (cachedScopes: the same
 * array until an administration change), so a pole's answers after the first one skip splitting,
 * ordering and quoting their keys (~90 → ~30 µs an answer on the national dataset).
 */
const layouts = new WeakMap<readonly AnswerScope[], Map<string, SeriesLayout>>();
/** Distinct key lines kept per scopes array: a pole has one or a few. */
const LAYOUTS_PER_SCOPES = 8;

/**
 * One copy of each series head: the poles' scopes and indicators have the same slugs and codes,
 * so their layouts share a few hundred heads instead of keeping ~100 each. The heads are joined
 * into flat strings: kept as the concatenations a template builds, 300 poles' layouts held 89 000
 * string nodes (2.7 MB).
 */
const heads = new Map<string, string>();

function sharedHead(head: string): string {
  const known = heads.get(head);
  if (known !== undefined) return known;
  if (heads.size >= 20_000) heads.clear();
  heads.set(head, head);
  return head;
}

function seriesLayout(keys: string, scopes: readonly AnswerScope[]): SeriesLayout {
  let byKeys = layouts.get(scopes);
  if (byKeys === undefined) {
    byKeys = new Map();
    layouts.set(scopes, byKeys);
  }
  const known = byKeys.get(keys);
  if (known !== undefined) return known;
  const position = new Map(scopes.map((s, i) => [String(s.id), i]));
  const ordered: Array<{ scope: number; key: string; column: number }> = [];
  const lines = keys.split('\n');
  for (let column = 0; column < lines.length; column++) {
    const line = lines[column]!;
    const tab = line.indexOf('\t');
    const scope = position.get(line.slice(0, tab));
    if (scope !== undefined) ordered.push({ scope, key: line.slice(tab + 1), column });
  }
  ordered.sort((a, b) => a.scope - b.scope || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const layout: SeriesLayout = {
    columns: Int32Array.from(ordered, (o) => o.column),
    heads: ordered.map(({ scope, key }) => {
      const tab = key.indexOf('\t');
      return sharedHead(
        [
          '{"scope":',
          JSON.stringify(scopes[scope]!.slug),
          ',"indicator":',
          JSON.stringify(key.slice(0, tab)),
          ',"slice":',
          JSON.stringify(key.slice(tab + 1)),
          ',"values":[',
        ].join(''),
      );
    }),
  };
  if (byKeys.size >= LAYOUTS_PER_SCOPES) byKeys.clear();
  byKeys.set(keys, layout);
  return layout;
}

/** The key lines every quarter with cells shares, or undefined when they differ (or none has any). */
function sharedKeys(quarters: readonly ParsedCells[]): string | undefined {
  let keys: string | undefined;
  for (const q of quarters) {
    if (q.values.length === 0) continue;
    if (keys === undefined) keys = q.keys;
    else if (q.keys !== keys) return undefined;
  }
  return keys;
}

/**
 * The JSON text of `GET /api/poles/{pole}/series` (a PoleSeriesResponse) from the parsed cells
 * (`parseCells`) of each quarter of `periods` (`quarters`, in the same order): one series per
 * scope (in `scopes`' order, a group not among them left out), indicator and slice (code-unit
 * order: a tab sorts before every character of a code), with each quarter's value or null.
 * Every cell of the quarters is in it: totals and the slices they were built with (the
 * catalogue's ratio terms).
 */
export function seriesAnswerJson(
  pole: string,
  periods: readonly string[],
  quarters: readonly ParsedCells[],
  scopes: readonly AnswerScope[],
): string {
  const k = quarters.length;
  const head = `{"pole":${JSON.stringify(pole)},"from":"${periods[0] ?? ''}","to":"${periods[k - 1] ?? ''}","periods":${JSON.stringify(periods)},"series":[`;
  const keys = sharedKeys(quarters);
  if (keys !== undefined) {
    // The usual case: every quarter with cells has the same key lines.
    const { columns, heads } = seriesLayout(keys, scopes);
    const out: string[] = [head];
    for (let n = 0; n < columns.length; n++) {
      const column = columns[n]!;
      let values = '';
      for (let i = 0; i < k; i++) {
        const q = quarters[i]!;
        values += `${i === 0 ? '' : ','}${q.values.length === 0 ? 'null' : q.values[column]!}`;
      }
      out.push(n === 0 ? heads[n]! : `,${heads[n]!}`, values, ']}');
    }
    out.push(']}');
    return out.join('');
  }
  // Key line → its series' values by quarter ('null' where not entered).
  const series = new Map<string, string[]>();
  let lastKeys: string | undefined;
  let lastColumns: string[][] = [];
  for (let i = 0; i < k; i++) {
    const q = quarters[i]!;
    if (q.values.length === 0) continue;
    // The same key lines as the previous quarter's (the usual case): the same series, in order.
    if (q.keys !== lastKeys) {
      lastKeys = q.keys;
      lastColumns = q.keys.split('\n').map((key) => {
        let column = series.get(key);
        if (column === undefined) {
          column = new Array<string>(k).fill('null');
          series.set(key, column);
        }
        return column;
      });
    }
    for (let c = 0; c < lastColumns.length; c++) lastColumns[c]![i] = q.values[c]!;
  }
  const position = new Map(scopes.map((s, i) => [String(s.id), i]));
  const ordered: Array<{ scope: number; key: string; values: string[] }> = [];
  for (const [line, values] of series) {
    const tab = line.indexOf('\t');
    const scope = position.get(line.slice(0, tab));
    if (scope !== undefined) ordered.push({ scope, key: line.slice(tab + 1), values });
  }
  ordered.sort((a, b) => a.scope - b.scope || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const out: string[] = [head];
  const heads = scopes.map((s) => `{"scope":${JSON.stringify(s.slug)},"indicator":`);
  for (let n = 0; n < ordered.length; n++) {
    const { scope, key, values } = ordered[n]!;
    const tab = key.indexOf('\t');
    out.push(
      n === 0 ? heads[scope]! : `,${heads[scope]}`,
      JSON.stringify(key.slice(0, tab)),
      ',"slice":',
      JSON.stringify(key.slice(tab + 1)),
      ',"values":[',
      values.join(','),
      ']}',
    );
  }
  out.push(']}');
  return out.join('');
}
