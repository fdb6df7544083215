import { ApiError } from '../http/api-error';
import { type Derive, deriveOnPool } from './passwords';

interface Job {
  run: (derive: Derive) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  queuedAt: number;
}

interface Owner {
  /** Requests of this owner lately: decays by half every `halfLifeMs`. */
  score: number;
  scoredAt: number;
  waiting: Job[];
  running: number;
  /** Its logins in flight that were admitted (`admit`), from before their body is read to their answer. */
  admitted: number;
}

export interface HashQueueOptions {
  /** Hashes running at once (each holds a hashing thread and ~32 MB). */
  concurrency: number;
  /**
   * Threads kept, past `concurrency`, for owners that asked less than `quietBelow` lately: a
   * flood, however fair, never makes a quiet address wait for the hash running.
   */
  reserved?: number;
  quietBelow?: number;

  /** Hashes waiting, every owner together; past it the busiest owner's newest is dropped, or the new one refused. */
  maxWaiting: number;
  /** Hashes one owner (a client address) may have running or waiting. */
  perOwner: number;
  /** A hash that waited this long is refused (503) instead of run. */
  maxWaitMs: number;
  /** How fast an owner's past requests are forgotten. */
  halfLifeMs: number;
  /** Where the hashes run: given to each job (default: libuv's thread pool). */
  derive?: Derive;
  now?: () => number;
}

/** The refusal of a hash: 503 SERVICE_UNAVAILABLE, try again in a few seconds. */
export const busy = () =>
  new ApiError('SERVICE_UNAVAILABLE', undefined, undefined, { 'Retry-After': '3' });

/**
 * Password hashing (scrypt, in low-priority threads) bounded apart from everything else: a few
 * hashes at a time, a short queue, refusals (503 with Retry-After) at once when it is full.
 *
 * Fair across owners (client addresses): the next hash is the waiting one of the owner that
 * asked least lately (a decayed count of its requests, refused ones included), so a new address
 * passes before fifty that flood; when the queue is full, a request of a quieter owner takes the
 * place of the newest waiting request of the busiest one.
 */
export class HashQueue {
  private readonly owners = new Map<string, Owner>();
  /** The owners with a hash waiting (at most `maxWaiting`): what a refusal or a turn scans. */
  private readonly queued = new Set<Owner>();
  /** The owners with a login admitted, and how many logins are admitted (see `admit`). */
  private readonly admitting = new Set<Owner>();
  private admittedTotal = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private running = 0;
  private waiting = 0;
  private readonly now: () => number;

  constructor(private readonly opts: HashQueueOptions) {
    this.now = opts.now ?? Date.now;
  }

  private get threads(): number {
    return this.opts.concurrency + (this.opts.reserved ?? 0);
  }

  /**
   * Runs `job` (one or two scrypt calls, through the `derive` it is given) in `owner`'s turn;
   * rejects with a 503 ApiError when refused.
   */
  run<T>(owner: string, job: (derive: Derive) => Promise<T>): Promise<T> {
    const t = this.now();
    const o = this.owner(owner, t);
    // A login admitted by `admit` was counted there: once per request.
    if (o.admitted === 0) o.score += 1;
    if (o.running + o.waiting.length >= this.opts.perOwner) return Promise.reject(busy());
    if (this.full && !this.dropBusiest(o, t)) return Promise.reject(busy());
    return new Promise<T>((resolve, reject) => {
      o.waiting.push({
        run: job,
        resolve: resolve as (v: unknown) => void,
        reject,
        queuedAt: t,
      });
      this.queued.add(o);
      this.waiting += 1;
      this.pump();
      this.scheduleSweep();
    });
  }

  /**
   * Admits one login of `owner` before its body is read, or refuses it (null) when the owner
   * already has its share in flight or when the places are taken and the owner is not clearly
   * quieter than the busiest one in flight: a flood is refused before its requests cost anything more, its
   * first burst included (an owner counts from admission, not from when its hash is queued). The
   * returned function ends the admission; call it once the login is answered. A refusal counts
   * as asking, like one refused by `run`.
   */
  admit(owner: string): (() => void) | null {
    const t = this.now();
    const o = this.owner(owner, t);
    const inFlight = this.admittedTotal;
    o.score += 1;
    // When the queue is full or its places (waiting and running) are all taken by logins in
    // flight, only a clearly quieter owner passes: one that asked less than half as much as the
    // busiest in flight, which `run` would let take a busier owner's place (a flood's addresses, alike, do not pass
    // one another), and never more than twice the places in flight.
    const places = this.opts.maxWaiting + this.threads;
    const crowded = inFlight >= places || this.full;
    const refused =
      o.admitted >= this.opts.perOwner ||
      inFlight >= 2 * places ||
      (crowded && this.busiestAdmitted(o, t) <= 2 * o.score);
    if (refused) return null;
    o.admitted += 1;
    this.admittedTotal += 1;
    this.admitting.add(o);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      o.admitted -= 1;
      this.admittedTotal -= 1;
      if (o.admitted === 0) this.admitting.delete(o);
    };
  }

  /** The highest score among the owners other than `o` with a login admitted (-1 if none). */
  private busiestAdmitted(o: Owner, t: number): number {
    let most = -1;
    for (const other of this.admitting)
      if (other !== o) most = Math.max(most, this.scoreOf(other, t));
    return most;
  }

  /** As many waiting as allowed, unless nothing waits and a thread is free to start it. */
  private get full(): boolean {
    return (
      this.waiting >= this.opts.maxWaiting && !(this.waiting === 0 && this.running < this.threads)
    );
  }

  /** Hashes running and waiting, for tests and the bench. */
  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting };
  }

  private owner(key: string, t: number): Owner {
    let o = this.owners.get(key);
    if (!o) {
      if (this.owners.size >= 10_000) this.prune(t);
      o = { score: 0, scoredAt: t, waiting: [], running: 0, admitted: 0 };
      this.owners.set(key, o);
    }
    o.score = this.scoreOf(o, t);
    o.scoredAt = t;
    return o;
  }

  /** Frees a place held by an owner busier than `o`: its newest waiting hash is refused. */
  private dropBusiest(o: Owner, t: number): boolean {
    let victim: Owner | undefined;
    let most = -1;
    for (const other of this.queued) {
      const score = this.scoreOf(other, t);
      if (other !== o && score > most) {
        victim = other;
        most = score;
      }
    }
    if (!victim || most <= o.score) return false;
    victim.waiting.pop()!.reject(busy());
    this.dequeued(victim);
    return true;
  }

  /** Refuses the hashes that waited too long, also while the threads are slow to free up. */
  private scheduleSweep(): void {
    if (this.sweeper || this.waiting === 0) return;
    this.sweeper = setTimeout(() => {
      this.sweeper = undefined;
      this.expire(this.now());
      this.scheduleSweep();
    }, 250);
    this.sweeper.unref();
  }

  private expire(t: number): void {
    for (const o of this.queued)
      while (o.waiting.length > 0 && t - o.waiting[0]!.queuedAt > this.opts.maxWaitMs) {
        o.waiting.shift()!.reject(busy());
        this.dequeued(o);
      }
  }

  private pump(): void {
    while (this.running < this.threads && this.waiting > 0) {
      const t = this.now();
      this.expire(t);
      const quietBelow = this.opts.quietBelow ?? 0;
      let next: Owner | undefined;
      for (const o of this.queued) if (!next || this.before(o, next, t)) next = o;
      if (!next) return;
      // Past the shared threads, only a quiet owner may take a reserved one.
      if (this.running >= this.opts.concurrency && this.scoreOf(next, t) >= quietBelow) return;
      const job = next.waiting.shift()!;
      this.dequeued(next);
      this.running += 1;
      next.running += 1;
      const owner = next;
      job
        .run(this.opts.derive ?? deriveOnPool)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.running -= 1;
          owner.running -= 1;
          this.pump();
        });
    }
  }

  /** One of `o`'s waiting hashes left the queue (started or refused). */
  private dequeued(o: Owner): void {
    this.waiting -= 1;
    if (o.waiting.length === 0) this.queued.delete(o);
  }

  /** Whether `a`'s waiting hash goes before `b`'s: quieter owner first, then the older request. */
  private before(a: Owner, b: Owner, t: number): boolean {
    const sa = this.scoreOf(a, t);
    const sb = this.scoreOf(b, t);
    if (sa !== sb) return sa < sb;
    return a.waiting[0]!.queuedAt < b.waiting[0]!.queuedAt;
  }

  private scoreOf(o: Owner, t: number): number {
    return o.score * 0.5 ** ((t - o.scoredAt) / this.opts.halfLifeMs);
  }

  private prune(t: number): void {
    for (const [k, o] of this.owners) {
      if (o.running === 0 && o.waiting.length === 0 && o.admitted === 0 && this.scoreOf(o, t) < 0.5)
        this.owners.delete(k);
    }
    // Still full (an address sweep): forget idle owners altogether rather than grow.
    if (this.owners.size >= 10_000)
      for (const [k, o] of this.owners)
        if (o.running === 0 && o.waiting.length === 0) this.owners.delete(k);
  }
}
