import { createRequire } from 'node:module';
import {
  type ColumnDefinitionNode,
  DataTypeNode,
  DefaultValueNode,
  GeneratedNode,
  Kysely,
  type KyselyPlugin,
  OperationNodeTransformer,
  PostgresDialect,
  RawNode,
  ValueNode,
} from 'kysely';
import type pgTypes from 'pg';
import type CursorType from 'pg-cursor';
import type { Database } from './database';

// The PostgreSQL half of the dialect seam (docs/decisions.md, "Two engines, one schema"). The
// application reads and writes the same JavaScript values on both engines: times as ISO-8601
// UTC strings (`2026-11-29T10:00:00.000Z`), flags as 0/1, counts and sums as numbers. On
// PostgreSQL the columns have the engine's own types (timestamptz, boolean, double precision,
// text compared byte by byte as SQLite does); the parsers below turn them back.

/** Is `target` (PTCE_DATABASE_URL, PTCE_DB) a PostgreSQL connection string? */
export const isPostgresUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target);

const pad = (s: string, n: number) => s.padEnd(n, '0').slice(0, n);

/**
 * A timestamptz as PostgreSQL prints it in the UTC session (`2026-11-29 10:00:00.123456+00`)
 * → the ISO string the application writes (`2026-11-29T10:00:00.123Z`, milliseconds).
 */
export function isoFromPg(text: string): string {
  const m =
    /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([+-])(\d\d)(?::?(\d\d))?)?$/.exec(
      text,
    );
  if (!m) return new Date(text).toISOString();
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${pad(frac ?? '', 3)}Z`;
  if (!sign || (oh === '00' && (om ?? '00') === '00')) return iso;
  const offset = (Number(oh) * 60 + Number(om ?? 0)) * 60_000 * (sign === '+' ? 1 : -1);
  return new Date(Date.parse(iso) - offset).toISOString();
}

const OID = { bool: 16, int8: 20, numeric: 1700, timestamptz: 1184 } as const;

let loaded: { pg: typeof pgTypes; Cursor: typeof CursorType } | null = null;

/**
 * `pg` and `pg-cursor`, loaded on the first PostgreSQL connection only: on SQLite they would
 * cost each thread ~15 MB of its 200. The parsers are process-wide: pg-cursor reads rows with
 * pg's global parsers, and this process talks to one database only. int8 (count, sum of
 * integers) and numeric (avg) come back as numbers: the counts and ids of this application
 * stay far below 2^53.
 */
function loadPg() {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const pg = require('pg') as typeof pgTypes;
  const Cursor = require('pg-cursor') as typeof CursorType;
  pg.types.setTypeParser(OID.bool, (v: string) => (v === 't' ? 1 : 0));
  pg.types.setTypeParser(OID.int8, (v: string) => Number(v));
  pg.types.setTypeParser(OID.numeric, (v: string) => Number(v));
  pg.types.setTypeParser(OID.timestamptz, isoFromPg);
  loaded = { pg, Cursor };
  return loaded;
}

/** Column names that hold times (timestamptz on PostgreSQL): `at`, `…_at`, `…_until`. */
export const isTimeColumn = (name: string) =>
  name === 'at' || name.endsWith('_at') || name.endsWith('_until');
/** Integer columns that hold flags (boolean on PostgreSQL). */
export const isFlagColumn = (name: string) =>
  /^(is|can|has)_/.test(name) || name === 'retired' || name === 'pole_groups';

const typeOf = (node: ColumnDefinitionNode) =>
  DataTypeNode.is(node.dataType) ? node.dataType.dataType : null;

/**
 * Translates the migrations' column types (written for SQLite, the embedded default) into
 * PostgreSQL's own, so that one set of frozen migrations serves both engines: an integer →
 * bigint (64 bits, as SQLite's), its autoincrement key → identity, a time → timestamptz, a flag → boolean (its 0/1 default →
 * false/true), real → double precision (PostgreSQL's real is 4 bytes), text → text in the "C"
 * collation (byte order, as SQLite compares and sorts).
 */
class PostgresSchemaTransformer extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const n = super.transformColumnDefinition(node);
    const name = n.column.column.name;
    const type = typeOf(n);
    if (type === 'integer' && n.autoIncrement) {
      return Object.freeze({
        ...n,
        dataType: DataTypeNode.create('bigint'),
        autoIncrement: false,
        generated: GeneratedNode.create({ byDefault: true, identity: true }),
      });
    }
    if (type === 'integer' && isFlagColumn(name)) {
      const def = n.defaultTo?.defaultValue;
      const defaultTo =
        def && ValueNode.is(def)
          ? DefaultValueNode.create(
              ValueNode.createImmediate(def.value === 1 || def.value === true),
            )
          : n.defaultTo;
      return Object.freeze({ ...n, dataType: DataTypeNode.create('boolean'), defaultTo });
    }
    if (type === 'text' && isTimeColumn(name))
      return Object.freeze({ ...n, dataType: DataTypeNode.create('timestamptz') });
    if (type === 'text')
      return Object.freeze({ ...n, dataType: RawNode.createWithSql('text collate "C"') });
    // SQLite's integers have 64 bits: so do these (a version or an id of 10^15 is stored alike).
    if (type === 'integer') return Object.freeze({ ...n, dataType: DataTypeNode.create('bigint') });
    if (type === 'real')
      return Object.freeze({ ...n, dataType: DataTypeNode.create('double precision') });
    return n;
  }
}

const schemaTransformer = new PostgresSchemaTransformer();

/** The plugin migrations run under on PostgreSQL (db/migrate.ts). */
export const postgresSchemaPlugin: KyselyPlugin = {
  transformQuery: (args) => schemaTransformer.transformNode(args.node),
  transformResult: async (args) => args.result,
};

export interface PostgresOptions {
  /** Connections in the pool (PTCE_PG_POOL). */
  max?: number;
  /** The name the connections show in pg_stat_activity (default: the app's). */
  applicationName?: string;
}

/** A pool on `url`: UTC sessions (times print as the parser expects), the app's name. */
function postgresPool(url: string, opts: PostgresOptions = {}): pgTypes.Pool {
  const { pg } = loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    application_name: opts.applicationName ?? 'ptce-suivi',
    options: '-c TimeZone=UTC',
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server must not end the process: the pool replaces it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => keepStatements(client));
  return pool;
}

/** How many uses make a statement's text worth keeping prepared on a connection. */
const HOT_USES = 3;
/** At most this many statements kept prepared on one connection (the rest are parsed each time). */
const KEPT_PER_CONNECTION = 200;
/** Longer texts (inserts of many rows, whose count varies) are never kept. */
const KEPT_TEXT_MAX = 8_192;
/** The uses of texts not yet kept are counted again from zero past this many characters. */
const COUNTED_CHARS = 4_000_000;
const uses = new Map<string, number>();
let countedChars = 0;
let statementIds = 0;

/** PostgreSQL's refusal of a kept statement whose result columns a schema change altered. */
export const isStalePlan = (err: unknown) =>
  (err as { code?: unknown }).code === '0A000' &&
  /cached plan must not change result type/.test(String((err as Error).message));

type Query = (...args: unknown[]) => Promise<unknown>;

/**
 * Keeps the application's frequent statements prepared on a pooled connection (pg's named
 * statements): a parametrised text used `HOT_USES` times in the process is, on each connection,
 * parsed once, then only bound and executed, and PostgreSQL plans it once when a generic plan
 * serves (its plan cache decides). A computed dashboard answer is one such statement; a grid
 * save, eleven. A kept statement that a schema change made stale (a rolling upgrade adding a
 * column to a table read whole) is forgotten on that connection: outside a transaction the
 * query is sent again at once, inside one the transaction fails and `transact` runs it again.
 */
function keepStatements(client: { query: unknown }): void {
  let names = new Map<string, string>();
  let inTransaction = false;
  const query = (client.query as Query).bind(client);
  client.query = (config: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof config !== 'string') return query(config, values, ...rest);
    if (!Array.isArray(values) || values.length === 0) {
      // Kysely opens and ends its transactions with plain statements on the connection.
      const verb = /^\s*(\w+)/.exec(config)?.[1]?.toLowerCase();
      if (verb === 'begin' || verb === 'start') inTransaction = true;
      else if (verb === 'commit' || verb === 'rollback' || verb === 'end') inTransaction = false;
      return query(config, values, ...rest);
    }
    let name = names.get(config);
    if (name === undefined && names.size < KEPT_PER_CONNECTION && config.length <= KEPT_TEXT_MAX) {
      const n = (uses.get(config) ?? 0) + 1;
      if (n === 1) {
        countedChars += config.length;
        if (countedChars > COUNTED_CHARS) {
          uses.clear();
          countedChars = config.length;
        }
      }
      uses.set(config, n);
      if (n >= HOT_USES) {
        name = `ptce_${++statementIds}`;
        names.set(config, name);
      }
    }
    if (name === undefined) return query(config, values, ...rest);
    const retry = !inTransaction;
    return query({ name, text: config, values }, ...rest).catch((err: unknown) => {
      if (!isStalePlan(err)) throw err;
      names = new Map();
      if (!retry) throw err;
      return query(config, values, ...rest);
    });
  };
}

/** Kysely over a `pg` pool, rows streamed with a cursor (`.stream()`). */
export function openPostgres(
  url: string,
  opts: PostgresOptions = {},
): { db: Kysely<Database>; pool: pgTypes.Pool } {
  const pool = postgresPool(url, opts);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool, cursor: loadPg().Cursor }),
  });
  return { db, pool };
}
