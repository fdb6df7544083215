import { ApiError } from '../http/api-error';
import { WorkerFailure } from '../workers/worker-pool';

/** Rethrows `err`; a reads worker that died or ran past its time is a 503, like a full queue. */
export function busyOnFailure(err: unknown): never {
  throw err instanceof WorkerFailure
    ? new ApiError('SERVICE_UNAVAILABLE', undefined, undefined, { 'Retry-After': '5' })
    : err;
}
