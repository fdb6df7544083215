import type SQLite from 'better-sqlite3';

/** Pages of WAL after which a commit checkpoints by itself, should the timer fall behind. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/** What a checkpoint reported: pages in the WAL, and how many of them are in the database. */
interface CheckpointResult {
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  /** The last checkpoint's report (null before the first). */
  last(): CheckpointResult | null;
  stop(): void;
}

/**
 * Copies the WAL back into the database every `everyMs` (a PASSIVE checkpoint: it never waits
 * for readers; it runs on the server's thread between requests, which wait for it as for any
 * other work: a short pause, proportional to what was written since the last one), and raises
 * the connection's
 * `wal_autocheckpoint` to FALLBACK_AUTOCHECKPOINT_PAGES. With SQLite's default, the commit that
 * pushes the WAL past 1 000 pages copies them all back before its request is answered
 * (measured: one grid save in ~25 took 5–10 ms more, server-side p99 13 → 10 ms); on a timer,
 * each checkpoint copies only the last half-second of writes. Runs on the server's own thread:
 * a worker thread would cost ~12 MB of memory for the same. Never runs inside a transaction;
 * errors are reported to `onError`, never thrown.
 */
export function startCheckpointer(
  sqlite: SQLite.Database,
  opts: { everyMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const report = opts.onError ?? ((m) => console.error(`[ptce-suivi] checkpoint: ${m}`));
  let last: CheckpointResult | null = null;
  const timer = setInterval(() => {
    if (!sqlite.open || sqlite.inTransaction) return;
    try {
      const [r] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
      if (r) last = { log: r.log, checkpointed: r.checkpointed };
    } catch (e) {
      report(e instanceof Error ? e.message : String(e));
    }
  }, opts.everyMs ?? 500);
  timer.unref();
  return {
    last: () => last,
    stop: () => clearInterval(timer),
  };
}
