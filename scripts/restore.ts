// pnpm restore <file>: replaces the database of PTCE_DB by the backup <file>; the server must be
// stopped. The replaced database is kept as <PTCE_DB>.before-restore-<UTC timestamp>.
// Relative paths are resolved from the repository root, where pnpm runs scripts.
import { restoreDatabase } from '../server/src/backup/restore-database';
import { readEnv } from '../server/src/env';

const [backup, ...rest] = process.argv.slice(2);
if (!backup || rest.length > 0) {
  console.error('usage: pnpm restore <file>   (restores it as the database of PTCE_DB)');
  process.exit(2);
}
try {
  const env = readEnv();
  const result = restoreDatabase(backup, env.PTCE_DB);
  if (result.previous) console.log(`[ptce-suivi] previous database kept as ${result.previous}`);
  console.log(`[ptce-suivi] ${backup} restored as ${result.file}`);
} catch (err) {
  console.error(
    `[ptce-suivi] restore refused: ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exit(1);
}
