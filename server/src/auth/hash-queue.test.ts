import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { HashQueue } from './hash-queue';

/** A job the test finishes by hand, recording the order jobs started in. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((r) => {
    open = r;
  });
  const job = () => {
    log.push(name);
    return done.then(() => name);
  };
  return { job, open };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function queue(over: Partial<ConstructorParameters<typeof HashQueue>[0]> = {}) {
  let t = 0;
  const q = new HashQueue({
    concurrency: 1,
    maxWaiting: 4,
    perOwner: 3,
    maxWaitMs: 3_000,
    halfLifeMs: 60_000,
    now: () => t,
    ...over,
  });
  return { q, advance: (ms: number) => (t += ms) };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('HashQueue', () => {
  it('runs `concurrency` jobs at a time, in turn', async () => {
    const { q } = queue({ concurrency: 2 });
    const log: string[] = [];
    const gates = ['a', 'b', 'c'].map((n) => gate(log, n));
    const runs = gates.map((g, i) => q.run(`o${i}`, g.job));
    await settle();
    expect(log).toEqual(['a', 'b']);
    expect(q.size).toEqual({ running: 2, waiting: 1 });
    gates[0]!.open();
    await runs[0];
    await settle();
    expect(log).toEqual(['a', 'b', 'c']);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });

  it('refuses at once (503 + Retry-After) past one owner’s share, without running the job', async () => {
    const { q } = queue();
    const log: string[] = [];
    const held = [gate(log, 'a1'), gate(log, 'a2'), gate(log, 'a3')];
    const runs = held.map((g) => q.run('a', g.job));
    const fourth = gate(log, 'a4');
    const err = await refusal(q.run('a', fourth.job));
    expect(err.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(err.headers?.['Retry-After'])).toBeGreaterThan(0);
    for (const g of held) g.open();
    await Promise.all(runs);
    expect(log).toEqual(['a1', 'a2', 'a3']);
  });

  it('admits logins before their body is read: a burst from flooding owners is bounded, a quiet owner still passes', () => {
    const { q } = queue({ perOwner: 3, maxWaiting: 4 });
    // The first burst: 50 owners × 20 logins arrive before any of them reaches `run`.
    const admitted: Array<() => void> = [];
    let refused = 0;
    for (let k = 0; k < 20; k++)
      for (let i = 0; i < 50; i++) {
        const a = q.admit(`flood-${i}`);
        if (a) admitted.push(a);
        else refused += 1;
      }
    // In flight at most: the waiting places and the thread, not 1 000.
    expect(admitted.length).toBeLessThanOrEqual(4 + 1);
    expect(refused).toBe(1000 - admitted.length);
    // A quiet owner (no login lately) is still admitted, the flooders are not.
    const quiet = q.admit('quiet');
    expect(quiet).not.toBeNull();
    expect(q.admit('flood-0')).toBeNull();
    // One owner never holds more than its share, however quiet the others.
    const { q: q2 } = queue({ perOwner: 3, maxWaiting: 100 });
    const mine = [q2.admit('a'), q2.admit('a'), q2.admit('a')];
    expect(mine.every((a) => a !== null)).toBe(true);
    expect(q2.admit('a')).toBeNull();
    // Ending an admission (the login answered) frees its place, once.
    mine[0]!();
    mine[0]!();
    expect(q2.admit('a')).not.toBeNull();
    expect(q2.admit('a')).toBeNull();
  });

  it('counts an admitted login once: a user who logged in a few times still passes a flood’s first burst', async () => {
    const { q } = queue({ perOwner: 8, maxWaiting: 16 });
    // Six logins before the flood, each admitted then hashed.
    for (let i = 0; i < 6; i++) {
      const end = q.admit('user');
      expect(end).not.toBeNull();
      await q.run('user', async () => 'ok');
      end!();
    }
    // The flood's first burst: 50 addresses × 20 logins, none answered yet.
    for (let k = 0; k < 20; k++) for (let i = 0; i < 50; i++) q.admit(`flood-${i}`);
    expect(q.admit('user')).not.toBeNull();
  });

  it('serves the owner that asked least first: a new address passes before a flooding one', async () => {
    const { q } = queue({ perOwner: 10, maxWaiting: 10 });
    const log: string[] = [];
    const flood = Array.from({ length: 6 }, (_, i) => gate(log, `f${i}`));
    const floodRuns = flood.map((g) => q.run('flooder', g.job));
    const mine = gate(log, 'mine');
    const mineRun = q.run('owner', mine.job);
    await settle();
    expect(log).toEqual(['f0']);
    flood[0]!.open();
    await settle();
    await settle();
    expect(log).toEqual(['f0', 'mine']);
    mine.open();
    expect(await mineRun).toBe('mine');
    for (const g of flood) g.open();
    await Promise.all(floodRuns);
  });

  it('keeps a reserved thread for quiet owners: a flood never makes them wait for its hash', async () => {
    const { q } = queue({
      concurrency: 1,
      reserved: 1,
      quietBelow: 2,
      perOwner: 10,
      maxWaiting: 10,
    });
    const log: string[] = [];
    const flood = Array.from({ length: 4 }, (_, i) => gate(log, `f${i}`));
    const floodRuns = flood.map((g) => q.run('flooder', g.job));
    await settle();
    expect(log).toEqual(['f0']);
    expect(q.size).toEqual({ running: 1, waiting: 3 });
    const mine = gate(log, 'mine');
    const mineRun = q.run('owner', mine.job);
    await settle();
    expect(log).toEqual(['f0', 'mine']);
    mine.open();
    expect(await mineRun).toBe('mine');
    await settle();
    // the reserved thread is not the flooder's
    expect(log).toEqual(['f0', 'mine']);
    for (const g of flood) g.open();
    await Promise.all(floodRuns);
    expect(log).toEqual(['f0', 'mine', 'f1', 'f2', 'f3']);
  });

  it('bounds the waiting hashes while the reserved thread is idle', async () => {
    const { q } = queue({
      concurrency: 1,
      reserved: 1,
      quietBelow: 2,
      perOwner: 100,
      maxWaiting: 4,
    });
    const log: string[] = [];
    const flood = Array.from({ length: 10 }, (_, i) => gate(log, `f${i}`));
    const runs = flood.map((g) => q.run('flooder', g.job).catch((e: ApiError) => e.code));
    // the flooder is not quiet past its first request: the reserved thread stays idle
    await settle();
    expect(log).toEqual(['f0']);
    expect(q.size).toEqual({ running: 1, waiting: 4 });
    expect(await Promise.all(runs.slice(5))).toEqual(Array(5).fill('SERVICE_UNAVAILABLE'));
    flood[0]!.open();
    await runs[0];
    await settle();
    expect(log).toEqual(['f0', 'f1']);
    expect(q.size).toEqual({ running: 1, waiting: 3 });
    const extra = q.run('flooder', gate(log, 'f10').job).catch((e: ApiError) => e.code);
    expect((await refusal(q.run('flooder', gate(log, 'f11').job))).code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    // a quiet owner takes the reserved thread at once, in the place of the flooder's newest
    expect(await q.run('quiet', async () => 'now')).toBe('now');
    expect(await extra).toBe('SERVICE_UNAVAILABLE');
    for (const g of flood) g.open();
    expect(await Promise.all(runs.slice(1, 5))).toEqual(['f1', 'f2', 'f3', 'f4']);
  });

  it('when full, a quieter owner takes the place of the busiest one’s newest request', async () => {
    const { q } = queue({ maxWaiting: 4, perOwner: 10 });
    const log: string[] = [];
    const first = gate(log, 'x');
    const running = q.run('x', first.job);
    const waiting = Array.from({ length: 4 }, (_, i) => gate(log, `b${i}`));
    const waitingRuns = waiting.map((g) => q.run('busy', g.job).catch((e: ApiError) => e.code));
    expect(q.size).toEqual({ running: 1, waiting: 4 });
    const mine = gate(log, 'mine');
    const mineRun = q.run('quiet', mine.job);
    expect(await waitingRuns[3]).toBe('SERVICE_UNAVAILABLE');
    // The busy owner, refused, cannot push the quiet one out in turn.
    expect((await refusal(q.run('busy', gate(log, 'b4').job))).code).toBe('SERVICE_UNAVAILABLE');
    first.open();
    mine.open();
    for (const g of waiting) g.open();
    expect(await mineRun).toBe('mine');
    await running;
    expect(await Promise.all(waitingRuns.slice(0, 3))).toEqual(['b0', 'b1', 'b2']);
    expect(log).toEqual(['x', 'mine', 'b0', 'b1', 'b2']);
  });

  it('refuses a request that waited longer than maxWaitMs instead of running it late', async () => {
    const { q, advance } = queue({ perOwner: 10 });
    const log: string[] = [];
    const first = gate(log, 'a');
    const running = q.run('a', first.job);
    const late = q.run('b', gate(log, 'b').job);
    advance(3_001);
    first.open();
    await running;
    expect((await refusal(late)).code).toBe('SERVICE_UNAVAILABLE');
    expect(log).toEqual(['a']);
  });

  it('refuses a request that waited too long even while the running hash does not end', async () => {
    const { q, advance } = queue({ perOwner: 10 });
    const log: string[] = [];
    const first = gate(log, 'a');
    const running = q.run('a', first.job);
    const late = q.run('b', gate(log, 'b').job);
    advance(3_001);
    expect((await refusal(late)).code).toBe('SERVICE_UNAVAILABLE');
    expect(q.size).toEqual({ running: 1, waiting: 0 });
    first.open();
    await running;
  });

  it('passes a job’s own failure through and keeps serving', async () => {
    const { q } = queue();
    await expect(q.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.run('a', async () => 'ok')).toBe('ok');
    await settle();
    expect(q.size).toEqual({ running: 0, waiting: 0 });
  });
});
