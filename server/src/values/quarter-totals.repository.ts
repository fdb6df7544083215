import { quarterRange } from '@ptce/shared/periods';
import { CompiledQuery } from 'kysely';
import type { Db, ValueRow } from '../db/database';
import {
  type AnswerScope,
  type EntryRow,
  entryAuthors,
  parseCells,
  parseEntries,
  quarterTexts,
  seriesAnswerJson,
  valuesAnswerJson,
} from './quarter-entries';

type Term = { indicator: string; slice: string };

/** A quarter's two texts (`quarterTexts`): the values answer's entries and the series' cells. */
export interface QuarterTexts {
  entries: string;
  cells: string;
}

/**
 * What entries are built with, stored beside them: the format of `quarterTexts` (its version)
 * and the ratio-term slices. Entries built otherwise are rebuilt.
 */
export const termsKey = (terms: readonly Term[]) =>
  `3:${terms.map((t) => `${t.indicator}|${t.slice}`).join(',')}`;

/**
 * Marks the quarters of written values as to be rebuilt: their `stamp` grows and their entries
 * are dropped. Every write to `values` calls it in the write's own transaction (upsertValues), so
 * that no app server, whichever wrote, answers a quarter from entries older than its values.
 */
export async function markQuartersStale(
  db: Db,
  cells: Iterable<{ pole_id: number; period: string }>,
): Promise<void> {
  const quarters = new Map<string, { pole_id: number; period: string }>();
  for (const c of cells)
    quarters.set(`${c.pole_id}|${c.period}`, { pole_id: c.pole_id, period: c.period });
  const rows = [...quarters.values()];
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('quarter_totals')
      .values(
        rows
          .slice(i, i + 500)
          .map((q) => ({ ...q, stamp: 1, terms: null, entries: null, cells: null })),
      )
      .onConflict((oc) =>
        oc.columns(['pole_id', 'period']).doUpdateSet((eb) => ({
          stamp: eb('quarter_totals.stamp', '+', 1),
          terms: null,
          entries: null,
          cells: null,
        })),
      )
      .execute();
  }
}

/** The texts (`quarterTexts`) of a pole's `periods`, from its values: totals and `terms` slices. */
async function buildEntries(
  db: Db,
  poleId: number,
  periods: string[],
  terms: readonly Term[],
): Promise<Map<string, QuarterTexts>> {
  const columns = [
    'group_id',
    'indicator_code',
    'period',
    'slice',
    'value',
    'comment',
    'override_reason',
    'version',
    'updated_at',
    'updated_by',
  ] as const;
  // The totals through their covering index (values_totals), each term slice through the cell
  // index (scope, indicator, period, slice), as findValues reads them.
  const rows = await db
    .selectFrom('values')
    .select(columns)
    .where('pole_id', '=', poleId)
    .where('slice', '=', '')
    .where('period', 'in', periods)
    .where('value', 'is not', null)
    .execute();
  for (const t of terms) {
    if (t.slice === '') continue;
    rows.push(
      ...(await db
        .selectFrom('values')
        .select(columns)
        .where((eb) =>
          eb(
            'group_id',
            'in',
            eb.selectFrom('working_groups').select('id').where('pole_id', '=', poleId),
          ),
        )
        .where('indicator_code', '=', t.indicator)
        .where('period', 'in', periods)
        .where('slice', '=', t.slice)
        .where('value', 'is not', null)
        .execute()),
    );
  }
  const byPeriod = new Map<string, EntryRow[]>(periods.map((p) => [p, []]));
  for (const r of rows) byPeriod.get(r.period)?.push(r as EntryRow);
  return new Map([...byPeriod].map(([p, quarter]) => [p, quarterTexts(quarter)]));
}

/**
 * Writes the entries of one quarter of a pole from its rows as the write leaves them, in the
 * write's transaction, so that the next read has nothing to build. Moves the quarter's stamp as
 * markQuartersStale does (the write's upsertValues leaves that to it: `refreshed`), and so
 * holds its row: a concurrent writer of the quarter waits, and a build that read the values
 * before this write does not store its texts over these (storeEntries). `rows`: every row of
 * the quarter (tombstones and breakdowns included) as read in the transaction, the written
 * ones in their new state.
 */
export async function refreshQuarter(
  trx: Db,
  poleId: number,
  period: string,
  rows: Iterable<Omit<ValueRow, 'id'>>,
  terms: readonly Term[],
): Promise<void> {
  const read = new Set(terms.map((t) => `${t.indicator}|${t.slice}`));
  const kept: EntryRow[] = [];
  for (const r of rows)
    if (
      r.period === period &&
      r.value !== null &&
      (r.slice === '' || read.has(`${r.indicator_code}|${r.slice}`))
    )
      kept.push({ ...r, value: r.value });
  const texts = { terms: termsKey(terms), ...quarterTexts(kept) };
  await trx
    .insertInto('quarter_totals')
    .values({ pole_id: poleId, period, stamp: 1, ...texts })
    .onConflict((oc) =>
      oc
        .columns(['pole_id', 'period'])
        .doUpdateSet((eb) => ({ stamp: eb('quarter_totals.stamp', '+', 1), ...texts })),
    )
    .execute();
}

interface StoredQuarter {
  period: string;
  stamp: number;
  terms: string | null;
  text: string | null;
}

/** The SQL of `storedQuarters` by database handle (its dialect) and text. */
const storedQuartersSql = new WeakMap<Db, Partial<Record<keyof QuarterTexts, string>>>();

/**
 * A pole's stored quarters from `from` to `to` with one of their texts. The query is built and
 * compiled once per database handle: doing it on each computed series answer was ~5% of its
 * time under load. Its parameters are checked to come in the order given here.
 */
function storedQuarters(
  db: Db,
  kind: keyof QuarterTexts,
  poleId: number,
  from: string,
  to: string,
): CompiledQuery<StoredQuarter> {
  let texts = storedQuartersSql.get(db);
  if (texts === undefined) {
    texts = {};
    storedQuartersSql.set(db, texts);
  }
  let text = texts[kind];
  if (text === undefined) {
    const compiled = db
      .selectFrom('quarter_totals')
      .select(['period', 'stamp', 'terms', `${kind} as text`])
      .where('pole_id', '=', -1)
      .where('period', '>=', '\u0000from')
      .where('period', '<=', '\u0000to')
      .compile();
    if (compiled.parameters.join('|') !== '-1|\u0000from|\u0000to')
      throw new Error(`unexpected parameters: ${compiled.sql}`);
    text = compiled.sql;
    texts[kind] = text;
  }
  return CompiledQuery.raw(text, [poleId, from, to]) as CompiledQuery<StoredQuarter>;
}

/**
 * Stores built texts (quarter → entries and cells) with the stamps their quarters had before
 * their values were read (`stamps`; absent: never stored, 0), in one statement per 100 quarters
 * (one commit, no transaction to open): a quarter whose stamp moved meanwhile, written since,
 * keeps its texts to be rebuilt, as they could be older than its values.
 */
export async function storeEntries(
  db: Db,
  poleId: number,
  built: ReadonlyMap<string, QuarterTexts>,
  terms: readonly Term[],
  stamps: ReadonlyMap<string, number>,
): Promise<void> {
  const key = termsKey(terms);
  const rows = [...built].map(([period, texts]) => ({
    pole_id: poleId,
    period,
    // A writer's first mark makes a quarter 1: a build that did not see it is then kept out.
    stamp: stamps.get(period) ?? 0,
    terms: key,
    entries: texts.entries,
    cells: texts.cells,
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('quarter_totals')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc
          .columns(['pole_id', 'period'])
          .doUpdateSet((eb) => ({
            terms: eb.ref('excluded.terms'),
            entries: eb.ref('excluded.entries'),
            cells: eb.ref('excluded.cells'),
          }))
          .where('quarter_totals.stamp', '=', (eb) => eb.ref('excluded.stamp')),
      )
      .execute();
  }
}

/**
 * Builds the texts of `periods` from the values and stores them (storeEntries) against the
 * stamps of `stored`, read before the values. Returns the texts by quarter. A store that fails
 * is left to a later read: the answer is right.
 */
async function rebuild(
  db: Db,
  poleId: number,
  periods: string[],
  terms: readonly Term[],
  stored: Map<string, StoredQuarter>,
): Promise<Map<string, QuarterTexts>> {
  const built = await buildEntries(db, poleId, periods, terms);
  const stamps = new Map([...stored].map(([p, q]) => [p, q.stamp]));
  try {
    await storeEntries(db, poleId, built, terms, stamps);
  } catch (err) {
    console.warn(
      `[ptce-suivi] quarter_totals of pole ${poleId} not stored: ${(err as Error).message}`,
    );
  }
  return built;
}

/** The longest range read from quarter_totals (and whose built quarters are stored). */
export const MAX_STORED_QUARTERS = 80;

export interface DashboardFilter {
  from: string;
  to: string;
  groupId?: number | undefined;
  /** Also the ratio-term slices (`ratioTerms=true`). */
  withTerms: boolean;
}

/**
 * A pole's scopes in the answers' order (is_pole, position, id: positions are distinct within a
 * pole, the app writes them so; two scopes at one position would have their values apart, not
 * interleaved) and the stored text (`kind`) of each quarter of `from`–`to`. Quarters written since
 * their entries were built (or never built, or built with other ratio terms than `terms`, the
 * catalogue's) are rebuilt from the values first.
 */
async function readQuarters(
  db: Db,
  poleId: number,
  from: string,
  to: string,
  terms: readonly Term[],
  /** Which text: the values answer's `entries` (parseEntries) or the series' `cells` (parseCells). */
  kind: keyof QuarterTexts,
  /** The pole's scopes in that order, when the caller has them (cachedScopes). */
  known?: readonly AnswerScope[],
): Promise<{ periods: string[]; scopes: readonly AnswerScope[]; texts: string[] }> {
  const periods = quarterRange(from, to);
  const scopes =
    known ??
    (
      await db
        .selectFrom('working_groups')
        .select(['id', 'slug', 'is_pole', 'position'])
        .where('pole_id', '=', poleId)
        .execute()
    ).sort((a, b) => a.is_pole - b.is_pole || a.position - b.position || a.id - b.id);
  if (periods.length > MAX_STORED_QUARTERS) {
    // A range longer than any pole's history (the years 2000–2100 allow 404 quarters): built
    // from the values, not stored (no row kept for the empty quarters a request names).
    const built = await buildEntries(db, poleId, periods, terms);
    return { periods, scopes, texts: periods.map((p) => built.get(p)![kind]) };
  }
  // Read before the values are: a write after this read moves the stamp and keeps a rebuild out.
  const stored = new Map<string, StoredQuarter>(
    (await db.executeQuery(storedQuarters(db, kind, poleId, from, to))).rows.map((q) => [
      q.period,
      q,
    ]),
  );
  const key = termsKey(terms);
  const stale = periods.filter((p) => {
    const q = stored.get(p);
    return q?.text === null || q?.text === undefined || q.terms !== key;
  });
  const built = stale.length === 0 ? undefined : await rebuild(db, poleId, stale, terms, stored);
  const texts = periods.map((p) => built?.get(p)?.[kind] ?? stored.get(p)!.text!);
  return { periods, scopes, texts };
}

/**
 * The JSON text of a pole's values answer for the totals (`slice=`) over `from`–`to`: the same
 * bytes as `findValues` serialised, read from one row of `quarter_totals` per quarter instead of
 * every value row (readQuarters).
 */
export async function dashboardValuesJson(
  db: Db,
  pole: { id: number; slug: string },
  f: DashboardFilter,
  terms: readonly Term[],
): Promise<string> {
  const { scopes, texts } = await readQuarters(db, pole.id, f.from, f.to, terms, 'entries');
  const quarters = texts.map(parseEntries);
  const authors = entryAuthors(quarters);
  const names = new Map<number, string>();
  if (authors.size > 0) {
    for (const u of await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...authors])
      .execute())
      names.set(u.id, JSON.stringify(u.name));
  }
  return valuesAnswerJson(pole.slug, quarters, scopes, names, f);
}

/**
 * The JSON text of `GET /api/poles/{pole}/series` over `from`–`to`: the entered totals and the
 * catalogue's ratio-term slices (`terms`), one series per scope, indicator and slice, from the
 * same rows of `quarter_totals` as dashboardValuesJson (the same cells and values).
 */
export async function poleSeriesJson(
  db: Db,
  pole: { id: number; slug: string },
  from: string,
  to: string,
  terms: readonly Term[],
  /** The pole's scopes in the answer's order (findScopes, cachedScopes), else read. */
  known?: readonly AnswerScope[],
): Promise<string> {
  const { periods, scopes, texts } = await readQuarters(
    db,
    pole.id,
    from,
    to,
    terms,
    'cells',
    known,
  );
  return seriesAnswerJson(pole.slug, periods, texts.map(parseCells), scopes);
}
