// pnpm backup <file>: an online backup of the database (the server may keep running) to <file>:
// PTCE_DATABASE_URL's PostgreSQL database with pg_dump (custom format), else PTCE_DB's SQLite
// file with SQLite's online backup API.
// Relative paths are resolved from the repository root, where pnpm runs scripts.
import { backupDatabase } from '../server/src/backup/backup-database';
import { backupPostgres } from '../server/src/backup/postgres-dump';
import { readEnv } from '../server/src/env';

const [target, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
if (!target || rest.length > 0) {
  console.error(
    'usage: pnpm backup <file>   (backs up the database of PTCE_DATABASE_URL, else PTCE_DB)',
  );
  process.exit(2);
}
try {
  const env = readEnv();
  if (env.PTCE_DATABASE_URL) {
    const result = backupPostgres(env.PTCE_DATABASE_URL, target);
    console.log(
      `[ptce-suivi] pg_dump of the PostgreSQL database written to ${result.file} (${result.bytes} bytes, ${result.tables} tables, checked with pg_restore --list)`,
    );
  } else {
    const result = await backupDatabase(env.PTCE_DB, target);
    console.log(
      `[ptce-suivi] backup of ${env.PTCE_DB} written to ${result.file} (${result.bytes} bytes)`,
    );
  }
} catch (err) {
  console.error(`[ptce-suivi] backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
