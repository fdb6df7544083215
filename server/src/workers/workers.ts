import { WorkerPool } from './worker-pool';

/** The module the pools' threads run: dist/worker.js in the build, worker.ts from the sources. */
function workerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('./worker.ts', import.meta.url)
    : new URL('./worker.js', import.meta.url);
}

/** The pools of heavy work, apart from the request thread (see docs/decisions.md, "Fair service"). */
export interface Workers {
  /** Parsing uploaded files: one at a time, a small queue. */
  imports: WorkerPool;
  /** Building exports and long histories from a read-only connection. */
  reads: WorkerPool;
  close(): Promise<void>;
}

export function createWorkers(): Workers {
  const script = workerScript();
  const imports = new WorkerPool({
    name: 'import',
    script,
    size: 1,
    queue: 2,
    perOwner: 2,
    timeoutMs: 30_000,
    idleMs: 10_000,
    // a workbook at the parser's limits (100 000 cells) keeps ~40 MB live in exceljs
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  });
  const reads = new WorkerPool({
    name: 'read',
    script,
    size: 2,
    queue: 32,
    perOwner: 3,
    timeoutMs: 60_000,
    idleMs: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
  });
  return {
    imports,
    reads,
    close: async () => {
      await Promise.all([imports.close(), reads.close()]);
    },
  };
}
