import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { WorkerFailure, WorkerPool } from './worker-pool';

/** The error `p` fails with (the test fails if it succeeds). */
const caught = <E>(p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the job succeeded');
    },
    (e: E) => e,
  );

const script = new URL('./pool-fixture.worker.ts', import.meta.url);

function pool(over: Partial<ConstructorParameters<typeof WorkerPool>[0]> = {}) {
  return new WorkerPool({
    name: 'test',
    script,
    size: 1,
    queue: 2,
    perOwner: 3,
    timeoutMs: 10_000,
    resourceLimits: { maxOldGenerationSizeMb: 32 },
    idleMs: 10_000,
    ...over,
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

describe('WorkerPool', () => {
  it("runs its threads below the request thread's priority, by the pool's niceness (Linux)", async () => {
    const nice = pool({ nice: 7 });
    const plain = pool();
    try {
      const lowered = await nice.run<{ thread: number; process: number }>('niceness', null, 'u');
      expect(lowered.thread).toBe(Math.min(19, lowered.process + 7));
      const same = await plain.run<{ thread: number; process: number }>('niceness', null, 'u');
      expect(same.thread).toBe(same.process);
    } finally {
      await Promise.all([nice.close(), plain.close()]);
    }
  });

  it('runs jobs in a worker and brings ApiErrors back whole', async () => {
    const p = pool();
    try {
      expect(await p.run('echo', { a: [1, 'é'] }, 'u1')).toEqual({ a: [1, 'é'] });
      const err = await caught<ApiError & WorkerFailure>(p.run('refuse', null, 'u1'));
      expect(err).toBeInstanceOf(ApiError);
      expect(err.code).toBe('PAYLOAD_TOO_LARGE');
      expect(err.toEnvelope('fr').error.message).toBe('trop');
    } finally {
      await p.close();
    }
  });

  it('survives a worker that dies or runs out of memory, and replaces it', async () => {
    const p = pool();
    try {
      const died = await caught<ApiError & WorkerFailure>(p.run('exit', null, 'u1'));
      expect(died).toBeInstanceOf(WorkerFailure);
      expect(died.kind).toBe('crash');
      const oom = await caught<ApiError & WorkerFailure>(p.run('hog', null, 'u1'));
      expect(oom).toBeInstanceOf(WorkerFailure);
      expect(oom.kind).toBe('memory');
      expect(await p.run('echo', 7, 'u1')).toBe(7);
    } finally {
      await p.close();
    }
  }, 60_000);

  it('stops a job that runs too long', async () => {
    const p = pool({ timeoutMs: 300 });
    try {
      const err = await caught<ApiError & WorkerFailure>(p.run('sleep', 5_000, 'u1'));
      expect(err).toBeInstanceOf(WorkerFailure);
      expect(err.kind).toBe('timeout');
      expect(await p.run('sleep', 10, 'u1')).toBe(10);
    } finally {
      await p.close();
    }
  });

  it('bounds the queue (503) and what one owner may ask (429), answering at once', async () => {
    const p = pool({ queue: 2, perOwner: 2 });
    try {
      const a = p.run('sleep', 300, 'u1');
      const b = p.run('sleep', 10, 'u1');
      const t0 = Date.now();
      const owner = await caught<ApiError & WorkerFailure>(p.run('sleep', 10, 'u1'));
      expect(owner).toBeInstanceOf(ApiError);
      expect(owner.status).toBe(429);
      const c = p.run('sleep', 10, 'u2');
      const full = await caught<ApiError & WorkerFailure>(p.run('sleep', 10, 'u3'));
      expect(full.status).toBe(503);
      expect(full.headers?.['Retry-After']).toBeTruthy();
      expect(Date.now() - t0).toBeLessThan(200);
      expect(() => p.stream('count', 1, 'u4')).toThrow(ApiError);
      expect(await Promise.all([a, b, c])).toEqual([300, 10, 10]);
    } finally {
      await p.close();
    }
  });

  it('serves the owner with fewer jobs running first', async () => {
    const p = pool({ queue: 5, perOwner: 5 });
    try {
      const order: string[] = [];
      const job = (owner: string) =>
        p.run('sleep', 50, owner).then(() => {
          order.push(owner);
        });
      await Promise.all([job('heavy'), job('heavy'), job('heavy'), job('light')]);
      expect(order.indexOf('light')).toBeLessThan(2);
    } finally {
      await p.close();
    }
  });

  it('streams chunks pulled by the reader, then ends', async () => {
    const p = pool();
    try {
      const { body, done } = p.stream('count', 20, 'u1');
      const text = await readAll(body);
      expect(text.split('\n').filter(Boolean)).toHaveLength(20);
      expect(text.endsWith('19\n')).toBe(true);
      expect(await done).toBe(20);
    } finally {
      await p.close();
    }
  });

  it('frees the chunks of a long stream as it goes, not at the next full collection', async () => {
    const p = pool();
    try {
      // ~210 MB through the pool, each chunk dropped once read, as a socket writer does.
      const { body, done } = p.stream('count', 3_000, 'u1');
      const reader = body.getReader();
      const base = process.memoryUsage().external;
      let peak = 0;
      let bytes = 0;
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        bytes += r.value.byteLength;
        peak = Math.max(peak, process.memoryUsage().external - base);
      }
      expect(bytes).toBeGreaterThan(200e6);
      expect(await done).toBe(3_000);
      // Without the scavenges: 40–60 MB of dead chunks held at once.
      expect(peak / 1024 / 1024).toBeLessThan(16);
    } finally {
      await p.close();
    }
  });

  it('ends a streaming job whose reader goes away, and frees the worker', async () => {
    const p = pool();
    try {
      const { body, done } = p.stream('count', 10_000, 'u1');
      const reader = body.getReader();
      await reader.read();
      await reader.cancel();
      await expect(done).rejects.toThrow();
      expect(await p.run('echo', 'next', 'u1')).toBe('next');
      expect(p.load()).toEqual({ running: 0, waiting: 0 });
    } finally {
      await p.close();
    }
  });

  it('ends a worker left idle, and starts one again for the next job', async () => {
    const p = pool({ idleMs: 100 });
    try {
      expect(await p.run('echo', 1, 'u1')).toBe(1);
      expect(p.workers()).toBe(1);
      await new Promise((r) => setTimeout(r, 400));
      expect(p.workers()).toBe(0);
      expect(await p.run('echo', 2, 'u1')).toBe(2);
    } finally {
      await p.close();
    }
  });
});
