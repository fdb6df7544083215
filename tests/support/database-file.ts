import {
  integrityProblems,
  openSqliteFile,
  type SqliteFile,
} from '@ptce/server/backup/sqlite-file';

/**
 * Runs `fn` on a read-only connection to the database `file` (a running server may keep
 * writing it: WAL readers see the last commit). better-sqlite3 lives in the server package; its
 * backup module opens files for us, so nothing here needs to resolve the driver itself.
 */
function withReadOnly<T>(file: string, fn: (db: SqliteFile) => T): T {
  const db = openSqliteFile(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** What `PRAGMA integrity_check` reports: `['ok']` for a sound database. */
export function integrityCheck(file: string): string[] {
  return withReadOnly(file, (db) => {
    const problems = integrityProblems(db);
    return problems.length === 0 ? ['ok'] : problems;
  });
}

/** Every table (SQLite's own included) → its rows, sorted by every column: comparable as is. */
export function readTables(file: string): Record<string, unknown[]> {
  return withReadOnly(file, (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const columns = (db.pragma(`table_info("${t}")`) as Array<{ cid: number }>).map(
        (c) => c.cid + 1,
      );
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${columns.join(', ')}`).all();
    }
    return out;
  });
}

/** A stored cell as the database has it, keyed `pole|scope|indicator|period|slice`. */
export interface StoredCell {
  value: number | null;
  version: number;
  /** Its history rows, oldest first. */
  history: Array<{ oldValue: number | null; newValue: number | null; version: number }>;
}

export const cellKey = (...parts: string[]) => parts.join('|');

/**
 * Reads every value row with its history and returns the cells and the ways they disagree: each
 * value row has history versions 1…version, each row's old value is the previous row's new
 * value, and the last row holds the current value and version. No history without a value row.
 */
export function readCells(file: string): { cells: Map<string, StoredCell>; problems: string[] } {
  return withReadOnly(file, (db) => {
    const cellOf = `p.slug AS pole, g.slug AS scope, x.indicator_code AS indicator,
      x.period AS period, x.slice AS slice`;
    const values = db
      .prepare(`SELECT ${cellOf}, x.value, x.version FROM "values" x
        JOIN poles p ON p.id = x.pole_id JOIN working_groups g ON g.id = x.group_id`)
      .all() as Array<Record<string, string> & { value: number | null; version: number }>;
    const history = db
      .prepare(`SELECT ${cellOf}, x.old_value AS oldValue, x.new_value AS newValue, x.version
        FROM value_history x JOIN poles p ON p.id = x.pole_id
        JOIN working_groups g ON g.id = x.group_id ORDER BY x.id`)
      .all() as Array<
      Record<string, string> & { oldValue: number | null; newValue: number | null; version: number }
    >;
    const key = (r: Record<string, unknown>) =>
      cellKey(...['pole', 'scope', 'indicator', 'period', 'slice'].map((k) => String(r[k])));
    const cells = new Map<string, StoredCell>();
    for (const v of values) cells.set(key(v), { value: v.value, version: v.version, history: [] });
    const problems: string[] = [];
    for (const h of history) {
      const cell = cells.get(key(h));
      if (!cell) problems.push(`${key(h)}: history without a value row`);
      else cell.history.push({ oldValue: h.oldValue, newValue: h.newValue, version: h.version });
    }
    for (const [k, c] of cells) {
      const versions = c.history.map((h) => h.version).join(',');
      const expected = Array.from({ length: c.version }, (_, i) => i + 1).join(',');
      if (versions !== expected)
        problems.push(`${k}: history versions [${versions}], version ${c.version}`);
      const last = c.history.at(-1);
      if (last && last.newValue !== c.value)
        problems.push(`${k}: value ${c.value} but last history row ${last.newValue}`);
      for (let i = 1; i < c.history.length; i++)
        if (c.history[i]!.oldValue !== c.history[i - 1]!.newValue)
          problems.push(`${k}: history row ${i + 1} starts from ${c.history[i]!.oldValue}`);
    }
    return { cells, problems: problems.slice(0, 20) };
  });
}
