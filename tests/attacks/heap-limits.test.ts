// Each thread of the built server has the heap it was given: the request thread the flags of
// scripts/ptce.mjs, each worker its pool's resourceLimits (server/src/workers/workers.ts). V8's
// flags are the process's and win over a worker's own limits unless the pool clears them: the
// reads thread then had the request thread's 152 MB, and a flood of exports took the server
// past its 200 MB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { login } from '../support/http-client';
import {
  ROOT,
  type RunningServer,
  removeTestDatabase,
  startServer,
  tempDbFile,
} from '../support/start-server';

const ADMIN = 'admin@ptce-suivi.demo';
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-heap-')), 'heap.jsonl');
let server: RunningServer;

interface ThreadHeap {
  isMainThread: boolean;
  threadId: number;
  limitMb: number;
}

beforeAll(async () => {
  const preload = path.join(ROOT, 'tests/support/heap-report.cjs');
  server = await startServer(tempDbFile('ptce-heap-'), {
    NODE_OPTIONS: `--require ${preload}`,
    PTCE_HEAP_REPORT: report,
  });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  if (server) await removeTestDatabase(server.dbFile);
  fs.rmSync(path.dirname(report), { recursive: true, force: true });
});

it("the request thread keeps its flags' heap, each worker its own smaller limits", async () => {
  // A login (the hashing threads) and an export (the reads thread) start their workers.
  const cookie = await login(server.url, ADMIN, server.passwords.get(ADMIN)!);
  const res = await fetch(`${server.url}/api/exports/values?format=csv`, { headers: { cookie } });
  expect(res.status).toBe(200);
  await res.arrayBuffer();

  const threads: ThreadHeap[] = fs
    .readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const main = threads.filter((t) => t.isMainThread);
  const workers = threads.filter((t) => !t.isMainThread);
  expect(main).toHaveLength(1);
  // --max-old-space-size=128 and --max-semi-space-size=8: 128 MB + 3 × 8 MB of young generation.
  expect(main[0]!.limitMb).toBeGreaterThanOrEqual(140);
  expect(new Set(workers.map((w) => w.threadId)).size).toBeGreaterThanOrEqual(2);
  // The largest pool limit is the imports' (64 + 16 MB); none has the request thread's.
  for (const w of workers) expect(w.limitMb).toBeLessThan(100);
}, 60_000);
