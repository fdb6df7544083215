import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WorkerPool } from './worker-pool';

/** The module the pools' threads run: dist/worker.js in the build, worker.ts from the sources. */
function workerScript(entry: 'worker' | 'hash-worker'): URL {
  // Resolved by path, not `new URL(…, import.meta.url)`: under jsdom (the consistency tests) the
  // global URL resolves a file: base to http://localhost, which no worker can load.
  const here = fileURLToPath(import.meta.url);
  const name = `${entry}${here.endsWith('.ts') ? '.ts' : '.js'}`;
  return pathToFileURL(path.join(path.dirname(here), name));
}

/**
 * Threads a pool of password hashes needs: the hashing queue's (auth/hash-queue.ts), which
 * admits no more at once, so the pool never queues.
 */
const HASH_THREADS = 2;

/**
 * Niceness of the threads of heavy work (docs/decisions.md, "Thread priorities"): on a machine
 * whose processors are all busy, a cheap request is answered before an export's next rows, and
 * before a flood's password hashes (which then wait, still bounded by the hashing queue).
 */
const HEAVY_NICE = 5;
const HASH_NICE = 10;

/** The pools of heavy work, apart from the request thread (docs/decisions.md, "Worker pools"). */
export interface Workers {
  /** Parsing uploaded files: one at a time, a small queue. */
  imports: WorkerPool;
  /** Building exports and long histories from a read-only connection. */
  reads: WorkerPool;
  /** Password hashes (scrypt), at a lower priority still: a login flood never holds the requests. */
  hashing: WorkerPool;
  close(): Promise<void>;
}

export function createWorkers(): Workers {
  const script = workerScript('worker');
  const imports = new WorkerPool({
    name: 'import',
    script,
    size: 1,
    queue: 2,
    perOwner: 2,
    timeoutMs: 30_000,
    idleMs: 10_000,
    nice: HEAVY_NICE,
    // a workbook at the parser's limits (100 000 cells) keeps ~40 MB live in exceljs
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  });
  // One thread: each reads thread costs 40–60 MB of RSS (its isolate, zod, kysely, exceljs once
  // an XLSX was asked, the job), and two put the server past 200 MB under a flood of XLSX
  // exports of the national dataset. The queue is served by turns between accounts, so one
  // heavy user does not hold it. 32 MB of heap fits an XLSX of the whole national dataset at
  // pole level (140 MB, peak server RSS 154 MB) and the national CSV (366 MB: 172 MB), measured
  // with these limits in force (releaseHeapFlags in worker-pool.ts); a young generation of 2 MB
  // keeps the thread's heap small (the streams hand on 64 KB at a time).
  const reads = new WorkerPool({
    name: 'read',
    script,
    size: 1,
    queue: 32,
    perOwner: 3,
    timeoutMs: 60_000,
    idleMs: 30_000,
    nice: HEAVY_NICE,
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 2 },
  });
  // scrypt's 32 MB are OpenSSL's, not the isolate's: a small heap is enough.
  const hashing = new WorkerPool({
    name: 'hash',
    script: workerScript('hash-worker'),
    size: HASH_THREADS,
    queue: HASH_THREADS,
    perOwner: 2 * HASH_THREADS,
    timeoutMs: 10_000,
    // ~15 MB of RSS each: gone a few seconds after the last login, before any export load.
    idleMs: 5_000,
    nice: HASH_NICE,
    resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 2 },
  });
  return {
    imports,
    reads,
    hashing,
    close: async () => {
      await Promise.all([imports.close(), reads.close(), hashing.close()]);
    },
  };
}
