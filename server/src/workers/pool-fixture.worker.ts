// A worker for worker-pool.test.ts: jobs that answer, fail, die or stream.
import fs from 'node:fs';
import os from 'node:os';
import { ApiError } from '../http/api-error';
import { type StreamOut, serveJobs } from './serve-jobs';

serveJobs({
  echo: async (input: unknown) => input,
  /** This thread's niceness and the process's (Linux), or null elsewhere. */
  niceness: async () => {
    if (!fs.existsSync('/proc/thread-self')) return null;
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    return { thread: os.getPriority(tid), process: os.getPriority(process.pid) };
  },
  refuse: async () => {
    throw new ApiError('PAYLOAD_TOO_LARGE', { fr: 'trop', en: 'too much' });
  },
  exit: async () => process.exit(3),
  hog: async () => {
    const kept: number[][] = [];
    for (;;) kept.push(new Array(100_000).fill(kept.length));
  },
  sleep: async (ms: number) => new Promise((r) => setTimeout(() => r(ms), ms)),
  count: async (n: number, out: StreamOut | null) => {
    for (let i = 0; i < n; i++) await out!.write(`${'x'.repeat(70_000)}${i}\n`);
    return n;
  },
});
