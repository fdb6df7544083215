import type { MessagePort } from 'node:worker_threads';
import type { ErrorCode, ErrorIssue } from '@ptce/shared/errors.schema';

/** main → worker: run job `id` of `kind` on `input`; `port` carries a streamed answer. */
export interface JobRequest {
  id: number;
  kind: string;
  input: unknown;
  port?: MessagePort;
}

/** A failure as it crosses the thread boundary: an ApiError keeps its code, texts and details. */
export interface WireError {
  message: string;
  api?: {
    code: ErrorCode;
    messages?: Partial<Record<'fr' | 'en', string>>;
    issues?: ErrorIssue[];
    headers?: Record<string, string>;
  };
}

/** worker → main: job `id` ended with a value or a failure ('ready': the jobs are loaded). */
export type JobReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError };

/** On a stream's port, worker → main. */
export type StreamMessage = { chunk: Uint8Array } | { end: true } | { error: WireError };

/** On a stream's port, main → worker: a chunk was taken (credit), or the reader went away. */
export type StreamControl = 'ack' | 'cancel';

/** Chunks a stream may send ahead of the reader (each ≤ ~64 KB). */
export const STREAM_CREDIT = 4;
