import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The worker: its own connection to the database file, copying the WAL back into the database
 * (a PASSIVE checkpoint: never waits for, nor blocks, readers or the writer) every `everyMs`.
 * CommonJS evaluated in the worker; the driver's path comes resolved from the server.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file, { fileMustExist: true });
const run = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r.checkpointed > 0) parentPort.postMessage({ frames: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
};
const timer = setInterval(run, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Pages of WAL after which the API's own connection checkpoints, if the worker falls behind. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface Checkpointer {
  /** WAL frames copied into the database so far (a frame is a page). */
  frames(): number;
  /** Stops the worker and closes its connection. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL of `file` from a worker thread, so that no request pays for it: with
 * SQLite's automatic checkpoint, the commit that pushes the WAL past 1 000 pages copies them
 * all back before answering (measured: server-side grid-save p99 13 → 10 ms). The caller raises
 * its connection's `wal_autocheckpoint` to FALLBACK_AUTOCHECKPOINT_PAGES, a bound on the WAL
 * should the worker fall behind or fail. Errors are reported to `onError`, never thrown.
 */
export function startCheckpointer(
  file: string,
  opts: { everyMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { file, driver, everyMs: opts.everyMs ?? 500 },
  });
  worker.unref();
  let frames = 0;
  const report = opts.onError ?? ((m) => console.error(`[ptce-suivi] checkpointer: ${m}`));
  worker.on('message', (m: { frames?: number; error?: string }) => {
    if (m.frames) frames += m.frames;
    if (m.error) report(m.error);
  });
  worker.on('error', (e) => report(e.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    frames: () => frames,
    stop: async () => {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
