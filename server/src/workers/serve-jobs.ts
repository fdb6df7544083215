import fs from 'node:fs';
import os from 'node:os';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../http/api-error';
import {
  type JobReply,
  type JobRequest,
  STREAM_CREDIT,
  type StreamControl,
  type StreamMessage,
  type WireError,
} from './worker-protocol';

/** Where a streaming job writes its answer; `write` waits while the reader is behind. */
export interface StreamOut {
  /** Queues text or bytes; resolves once the reader has room. Throws `StreamCancelled`. */
  write(chunk: string | Uint8Array): Promise<void>;
}

/** The reader of a streamed answer went away (download cancelled): the job stops. */
class StreamCancelled extends Error {}

/** A job run in a worker: its input came through structured clone; its value goes back the same way. */
export type JobHandler = (input: never, out: StreamOut | null) => Promise<unknown>;

function toWire(err: unknown): WireError {
  if (err instanceof ApiError) {
    return {
      message: err.message,
      api: {
        code: err.code,
        ...(err.messages ? { messages: err.messages } : {}),
        ...(err.issues ? { issues: err.issues } : {}),
        ...(err.headers ? { headers: err.headers } : {}),
      },
    };
  }
  return { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

/** Bytes of text gathered before a chunk crosses to the main thread. */
const CHUNK_BYTES = 64 * 1024;

/** The worker side of a streamed answer over `port`, with STREAM_CREDIT chunks in flight. */
function streamOut(port: MessagePort): StreamOut & { flush(): Promise<void> } {
  const encoder = new TextEncoder();
  let inFlight = 0;
  let cancelled = false;
  let wake: (() => void) | null = null;
  let text = '';
  port.on('message', (m: StreamControl) => {
    if (m === 'ack') inFlight -= 1;
    else cancelled = true;
    wake?.();
  });
  const send = async (bytes: Uint8Array) => {
    while (inFlight >= STREAM_CREDIT && !cancelled) await new Promise<void>((r) => (wake = r));
    if (cancelled) throw new StreamCancelled('download cancelled');
    inFlight += 1;
    port.postMessage({ chunk: bytes } satisfies StreamMessage, [bytes.buffer as ArrayBuffer]);
  };
  return {
    async write(chunk) {
      if (cancelled) throw new StreamCancelled('download cancelled');
      if (typeof chunk === 'string') {
        text += chunk;
        if (text.length < CHUNK_BYTES) return;
        const bytes = encoder.encode(text);
        text = '';
        return send(bytes);
      }
      if (text) {
        const bytes = encoder.encode(text);
        text = '';
        await send(bytes);
      }
      // A copy of its own (a Buffer's slice is a view that may share a pool's memory).
      if (chunk.byteLength > 0) await send(new Uint8Array(chunk));
    },
    async flush() {
      if (text) {
        const bytes = encoder.encode(text);
        text = '';
        await send(bytes);
      }
    },
  };
}

/**
 * Makes this thread yield the processor to the request thread (Linux: a thread has a niceness
 * of its own, set through its thread id). Elsewhere, or when refused, the thread runs as is.
 */
function lowerPriority(nice: number): void {
  if (nice <= 0) return;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0)
      os.setPriority(tid, Math.min(19, os.getPriority(tid) + nice));
  } catch {
    // not Linux, or no /proc: the same thread, at the process's priority
  }
}

/**
 * The body of a worker thread: answers the pool's job requests one at a time with `handlers`.
 * A handler's ApiError goes back whole (code, texts, issues); anything else as its message.
 */
export function serveJobs(handlers: Record<string, JobHandler>): void {
  const parent = parentPort;
  if (!parent) throw new Error('serveJobs runs in a worker thread');
  lowerPriority((workerData as { nice?: number } | null)?.nice ?? 0);
  parent.on('message', async (req: JobRequest) => {
    const handler = handlers[req.kind];
    let reply: JobReply;
    const out = req.port ? streamOut(req.port) : null;
    try {
      if (!handler) throw new Error(`unknown job ${req.kind}`);
      const value = await handler(req.input as never, out);
      if (out && req.port) {
        await out.flush();
        req.port.postMessage({ end: true } satisfies StreamMessage);
      }
      reply = { id: req.id, ok: true, value };
    } catch (err) {
      if (req.port && !(err instanceof StreamCancelled))
        req.port.postMessage({ error: toWire(err) } satisfies StreamMessage);
      reply = { id: req.id, ok: false, error: toWire(err) };
    } finally {
      req.port?.close();
    }
    parent.postMessage(reply);
  });
  parent.postMessage('ready');
}
