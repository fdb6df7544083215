// pnpm migrate-to-postgres [-- --from <file.sqlite>] [--to <postgres://…>]: copies the SQLite
// instance (default PTCE_DB) into the empty PostgreSQL database (default PTCE_DATABASE_URL),
// every table with its ids, in one transaction, checked table by table (rows and SHA-256).
// Stop the server first. Relative paths are resolved from the repository root.
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '../server/src/backup/sqlite-to-postgres';

const USAGE =
  'usage: pnpm migrate-to-postgres -- [--from <file.sqlite>] [--to <postgres://user:password@host:5432/name>]\n' +
  '  (defaults: --from $PTCE_DB or ./var/ptce-suivi.sqlite, --to $PTCE_DATABASE_URL)';

let from: string;
let to: string | undefined;
try {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  from = values.from ?? process.env.PTCE_DB ?? './var/ptce-suivi.sqlite';
  to = values.to ?? process.env.PTCE_DATABASE_URL;
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (!to) {
  console.error(`no target: give --to or set PTCE_DATABASE_URL\n${USAGE}`);
  process.exit(2);
}

const redact = (url: string) => url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');

try {
  console.log(`[ptce-suivi] copying ${from} into ${redact(to)}…`);
  const result = await copySqliteToPostgres(from, to);
  const width = Math.max(5, ...result.tables.map((t) => t.table.length));
  console.log(`${'table'.padEnd(width)}  ${'rows'.padStart(9)}  checksum (SHA-256, 16 first)  ok`);
  for (const t of result.tables) {
    const rows = t.rows === t.targetRows ? String(t.rows) : `${t.rows}≠${t.targetRows}`;
    const sum =
      t.checksum === t.targetChecksum
        ? t.checksum.slice(0, 16).padEnd(28)
        : `${t.checksum.slice(0, 8)}≠${t.targetChecksum.slice(0, 8)}`.padEnd(28);
    console.log(
      `${t.table.padEnd(width)}  ${rows.padStart(9)}  ${sum}  ${t.ok ? 'ok' : 'MISMATCH'}`,
    );
  }
  const seconds = result.ms / 1000;
  if (!result.ok) {
    console.error(
      '[ptce-suivi] the copy does not match the source: rolled back, the target is left empty',
    );
    process.exit(1);
  }
  console.log(
    `[ptce-suivi] ${result.rows} rows copied and checked in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.rows / seconds)} rows/s). Set PTCE_DATABASE_URL to the target and start the server.`,
  );
} catch (err) {
  console.error(`[ptce-suivi] copy refused: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
