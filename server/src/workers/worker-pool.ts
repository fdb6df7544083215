import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import {
  MessageChannel,
  type MessagePort,
  type ResourceLimits,
  type Transferable,
  Worker,
} from 'node:worker_threads';
import { ApiError } from '../http/api-error';
import { reclaimChunk } from './reclaim-chunks';
import type {
  JobReply,
  JobRequest,
  StreamControl,
  StreamMessage,
  WireError,
} from './worker-protocol';

/** Why a job failed in its worker rather than by its own error. */
export type WorkerFailureKind = 'memory' | 'crash' | 'timeout';

/** A job whose worker died (out of memory, crashed) or ran past its time: the worker is replaced. */
export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export interface PoolOptions {
  /** For logs. */
  name: string;
  /** The worker's module: a built .js file, or a .ts source (run through tsx, for tests and dev). */
  script: URL;
  /** Workers (hence jobs running at once). */
  size: number;
  /** Jobs waiting for a worker; past it, 503 SERVICE_UNAVAILABLE with Retry-After. */
  queue: number;
  /** Jobs one owner (an account) may have running or waiting; past it, 429 with Retry-After. */
  perOwner: number;
  /** Longest a job may run (a streamed one: between two chunks taken by the reader). */
  timeoutMs: number;
  resourceLimits: ResourceLimits;
  /** An idle worker ends after this long, so its heap goes back to the system (RSS). */
  idleMs: number;
  /**
   * How much lower than the request thread the pool's threads run (Linux niceness, 0–19): when
   * the processors are all busy, answering requests goes first and the heavy work waits.
   */
  nice?: number;
}

let heapFlagsReleased = false;

/**
 * V8's heap flags are the process's, and V8 prefers them to an isolate's own limits: the
 * server's `--max-old-space-size=128 --max-semi-space-size=8` (scripts/ptce.mjs) would give
 * every worker the request thread's 128 MB + 3 × 8 MB instead of its `resourceLimits` (measured:
 * the reads thread's heap limit was 152 MB, not 35). The request thread's isolate is configured
 * by then, so once the flags are cleared (0: unset) each worker's isolate gets its own limits.
 * Only new isolates read them, and the request thread's heap keeps what it was given.
 */
function releaseHeapFlags(): void {
  if (heapFlagsReleased) return;
  heapFlagsReleased = true;
  v8.setFlagsFromString('--max-old-space-size=0');
  v8.setFlagsFromString('--max-semi-space-size=0');
}

interface Job {
  id: number;
  kind: string;
  input: unknown;
  owner: string;
  transfer: Transferable[];
  port?: MessagePort;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The thread has loaded its jobs (its start-up does not count in a job's time). */
  online: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** Ends an idle worker, giving its heap back. */
  idle: NodeJS.Timeout | null;
}

/** An ApiError again, or an Error with the worker's message. */
function fromWire(e: WireError): Error {
  if (e.api) return new ApiError(e.api.code, e.api.messages, e.api.issues, e.api.headers);
  return new Error(e.message);
}

/** Where tsx's ESM loader is, to run a .ts worker from the sources. */
function tsxBootstrap(script: URL): string {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); })`;
}

/**
 * A fixed set of worker threads running jobs one at a time each, with their own heap limits, so
 * that a heavy job (parsing an upload, building an export) never holds the request thread or
 * its heap. Jobs wait in a bounded queue served fairly: the next job is the oldest of the owner
 * with the fewest jobs running. A worker that dies or times out fails its job with a
 * `WorkerFailure` and is replaced; the process lives.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private readonly running = new Map<string, number>();
  private nextId = 1;
  /** When each owner was last given a worker (a counter), for turns. */
  private readonly served = new Map<string, number>();
  private turns = 0;
  private closed = false;

  constructor(private readonly opts: PoolOptions) {}

  /** Runs `kind` on `input` in a worker; resolves with its value. */
  run<T>(kind: string, input: unknown, owner: string, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.submit({
        id: this.nextId++,
        kind,
        input,
        owner,
        transfer,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
    });
  }

  /**
   * Runs a streaming `kind`: its chunks come as a byte stream pulled by the reader (a worker
   * sends at most a few chunks ahead). Admission (queue, owner) is decided now: a refusal
   * throws before any answer is sent. `done` settles when the job ends.
   */
  stream(
    kind: string,
    input: unknown,
    owner: string,
  ): { body: ReadableStream<Uint8Array>; done: Promise<unknown> } {
    const { port1, port2 } = new MessageChannel();
    const id = this.nextId++;
    let settle!: Pick<Job, 'resolve' | 'reject'>;
    const done = new Promise<unknown>((resolve, reject) => {
      settle = { resolve, reject };
    });
    done.catch(() => undefined);
    this.submit({ id, kind, input, owner, transfer: [port2], port: port2, ...settle });
    return { body: this.receive(port1, done, id), done };
  }

  /** Jobs running and waiting, for tests and logs. */
  load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.waiting.length };
  }

  /** Worker threads alive (busy or idle). */
  workers(): number {
    return this.slots.length;
  }

  /** Stops every worker; waiting jobs fail with 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(busy());
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private submit(job: Job): void {
    if (this.closed) throw busy();
    if ((this.running.get(job.owner) ?? 0) >= this.opts.perOwner) {
      throw new ApiError('RATE_LIMITED', undefined, undefined, { 'Retry-After': '5' });
    }
    const free = this.freeSlot();
    if (!free && this.waiting.length >= this.opts.queue) throw busy();
    this.running.set(job.owner, (this.running.get(job.owner) ?? 0) + 1);
    if (free) this.start(free, job);
    else this.waiting.push(job);
  }

  private freeSlot(): Slot | null {
    const idle = this.slots.find((s) => !s.job);
    if (idle) return idle;
    if (this.slots.length < this.opts.size) return this.spawn();
    return null;
  }

  private spawn(): Slot {
    const { script } = this.opts;
    const fromSource = script.pathname.endsWith('.ts');
    releaseHeapFlags();
    const worker = new Worker(fromSource ? tsxBootstrap(script) : script, {
      eval: fromSource,
      resourceLimits: this.opts.resourceLimits,
      workerData: { nice: this.opts.nice ?? 0 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const slot: Slot = { worker, online: false, job: null, timer: null, idle: null };

    worker.on('message', (reply: JobReply | 'ready') => {
      if (reply === 'ready') {
        slot.online = true;
        if (slot.job) this.arm(slot);
        return;
      }
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(fromWire(reply.error));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const kind = err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      this.fail(slot, new WorkerFailure(kind, `${this.opts.name} worker: ${err.message}`));
    });
    worker.on('exit', () => {
      this.fail(slot, new WorkerFailure('crash', `${this.opts.name} worker exited`));
    });
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.job = job;
    this.served.set(job.owner, this.turns++);
    if (this.served.size > 10_000) this.served.clear();
    if (slot.online) this.arm(slot);
    slot.worker.ref();
    const req: JobRequest = {
      id: job.id,
      kind: job.kind,
      input: job.input,
      ...(job.port ? { port: job.port } : {}),
    };
    try {
      slot.worker.postMessage(req, job.transfer);
    } catch (err) {
      this.finish(slot);
      job.reject(err as Error);
    }
  }

  /** (Re)starts the job's clock: a streamed job's restarts at each chunk taken. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      this.fail(slot, new WorkerFailure('timeout', `${this.opts.name} job ran too long`));
    }, this.opts.timeoutMs);
    slot.timer.unref();
  }

  /** The slot's job ended normally: free it and start the next waiting job. */
  private finish(slot: Slot): void {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    if (job) this.release(job.owner);
    this.next(slot);
    if (!slot.job) {
      slot.idle = setTimeout(() => this.retire(slot), this.opts.idleMs);
      slot.idle.unref();
    }
  }

  /** Ends an idle worker (its exit is then no failure: it left the slots first). */
  private retire(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || slot.job) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
  }

  /** The slot's worker is dead or stuck: fail its job, drop it, start the next job elsewhere. */
  private fail(slot: Slot, failure: WorkerFailure): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    const job = slot.job;
    slot.job = null;
    void slot.worker.terminate();
    if (job) {
      this.release(job.owner);
      job.reject(failure);
    }
    if (!this.closed && this.waiting.length > 0) this.next(this.spawn());
  }

  private release(owner: string): void {
    const n = (this.running.get(owner) ?? 1) - 1;
    if (n <= 0) this.running.delete(owner);
    else this.running.set(owner, n);
  }

  /**
   * Starts on `slot` the next waiting job, owners taking turns: the owner with the fewest jobs
   * running, then the one served longest ago; within an owner, the oldest job.
   */
  private next(slot: Slot): void {
    if (this.waiting.length === 0 || slot.job) return;
    const rank = (job: Job) => [
      this.slots.filter((s) => s.job?.owner === job.owner).length,
      this.served.get(job.owner) ?? -1,
    ];
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const [ra, sa] = rank(this.waiting[i]!);
      const [rb, sb] = rank(this.waiting[best]!);
      if (ra! < rb! || (ra === rb && sa! < sb!)) best = i;
    }
    const [job] = this.waiting.splice(best, 1);
    this.start(slot, job!);
  }

  /** The main side of a streamed answer: chunks taken on demand, each acknowledged. */
  private receive(
    port: MessagePort,
    done: Promise<unknown>,
    id: number,
  ): ReadableStream<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let ended = false;
    let failure: Error | null = null;
    let wake: (() => void) | null = null;
    port.on('message', (m: StreamMessage) => {
      if ('chunk' in m) chunks.push(m.chunk);
      else if ('end' in m) ended = true;
      else failure = fromWire(m.error);
      wake?.();
    });
    done.catch((err: Error) => {
      failure ??= err;
      wake?.();
    });
    const onTaken = () => {
      const slot = this.slots.find((s) => s.job?.id === id);
      if (slot) this.arm(slot);
      port.postMessage('ack' satisfies StreamControl);
    };
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          while (chunks.length === 0 && !ended && !failure)
            await new Promise<void>((r) => (wake = r));
          const chunk = chunks.shift();
          if (chunk) {
            reclaimChunk(chunk.byteLength);
            controller.enqueue(chunk);
            onTaken();
          } else if (failure) controller.error(failure);
          else {
            controller.close();
            port.close();
          }
        },
        cancel: () => {
          port.postMessage('cancel' satisfies StreamControl);
          port.close();
        },
      },
      { highWaterMark: 0 },
    );
  }
}

const busy = () =>
  new ApiError('SERVICE_UNAVAILABLE', undefined, undefined, { 'Retry-After': '5' });
