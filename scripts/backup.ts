// pnpm backup <file>: an online backup of PTCE_DB (the server may keep running) to <file>.
// Relative paths are resolved from the repository root, where pnpm runs scripts.
import { backupDatabase } from '../server/src/backup/backup-database';
import { readEnv } from '../server/src/env';

const [target, ...rest] = process.argv.slice(2);
if (!target || rest.length > 0) {
  console.error('usage: pnpm backup <file>   (backs up the database of PTCE_DB)');
  process.exit(2);
}
try {
  const env = readEnv();
  const result = await backupDatabase(env.PTCE_DB, target);
  console.log(
    `[ptce-suivi] backup of ${env.PTCE_DB} written to ${result.file} (${result.bytes} bytes)`,
  );
} catch (err) {
  console.error(`[ptce-suivi] backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
