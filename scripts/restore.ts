// pnpm restore <file> [--clean]: puts the backup <file> in place; the servers must be stopped.
// SQLite (PTCE_DB): replaces the file, the replaced database kept as
// <PTCE_DB>.before-restore-<UTC timestamp>. PostgreSQL (PTCE_DATABASE_URL): pg_restore in one
// transaction into an empty database, or over the current contents with --clean.
// Relative paths are resolved from the repository root, where pnpm runs scripts.
import { restorePostgres } from '../server/src/backup/postgres-dump';
import { restoreDatabase } from '../server/src/backup/restore-database';
import { readEnv } from '../server/src/env';

const args = process.argv.slice(2).filter((a) => a !== '--');
const clean = args.includes('--clean');
const [backup, ...rest] = args.filter((a) => a !== '--clean');
if (!backup || rest.length > 0 || backup.startsWith('--')) {
  console.error(
    'usage: pnpm restore <file> [--clean]   (restores it as the database of PTCE_DATABASE_URL, else PTCE_DB;\n' +
      '  --clean, PostgreSQL only: replaces what the backup holds in a database that is not empty)',
  );
  process.exit(2);
}
try {
  const env = readEnv();
  if (env.PTCE_DATABASE_URL) {
    const result = await restorePostgres(backup, env.PTCE_DATABASE_URL, { clean });
    console.log(
      `[ptce-suivi] ${backup} restored into the PostgreSQL database (${result.tables} tables, one transaction)`,
    );
  } else {
    if (clean) {
      console.error('[ptce-suivi] --clean is for PostgreSQL only (PTCE_DATABASE_URL)');
      process.exit(2);
    }
    const result = restoreDatabase(backup, env.PTCE_DB);
    if (result.previous) console.log(`[ptce-suivi] previous database kept as ${result.previous}`);
    console.log(`[ptce-suivi] ${backup} restored as ${result.file}`);
  }
} catch (err) {
  console.error(
    `[ptce-suivi] restore refused: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
}
