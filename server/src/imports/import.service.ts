import type { Lang } from '@ptce/shared/error-messages';
import type { ImportResult } from '@ptce/shared/imports.schema';
import { type ViolationOverride, ViolationOverridesSchema } from '@ptce/shared/values.schema';
import type { Context } from 'hono';
import type { PoleEnv } from '../auth/pole-access.middleware';
import type { PoleRow } from '../db/database';
import { ApiError } from '../http/api-error';
import type { AppDeps } from '../http/app-env';
import { parseWith } from '../http/validate';
import { inBoth } from '../i18n/t';
import { WorkerFailure, type WorkerPool } from '../workers/worker-pool';
import { uploadEncoding } from './detect-format';
import { unreadable } from './import-issues';
import { type ParsedUpload, tooComplexToRead, type UploadInput } from './parse-upload';
import { MAX_UPLOAD_BYTES, MULTIPART_ALLOWANCE, readUpload, uploadName } from './read-upload';
import { runImport } from './run-import';

/**
 * Uploads being read or parsed at once (all accounts; per account): each holds up to 5 MB on
 * the request thread until its worker takes it. Past them, 503 or 429 before the body is read.
 * The imports pool (one worker, a queue of two) has the same bounds.
 */
const IN_FLIGHT = { total: 3, perOwner: 2 };

/** Counts the uploads in flight of one pool, by owner. */
class UploadGate {
  private total = 0;
  private readonly byOwner = new Map<string, number>();

  /** Takes a place for `owner`; the returned function gives it back. */
  enter(owner: string): () => void {
    const mine = this.byOwner.get(owner) ?? 0;
    if (mine >= IN_FLIGHT.perOwner)
      throw new ApiError('RATE_LIMITED', undefined, undefined, { 'Retry-After': '5' });
    if (this.total >= IN_FLIGHT.total)
      throw new ApiError('SERVICE_UNAVAILABLE', undefined, undefined, { 'Retry-After': '5' });
    this.total += 1;
    this.byOwner.set(owner, mine + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.total -= 1;
      const n = (this.byOwner.get(owner) ?? 1) - 1;
      if (n <= 0) this.byOwner.delete(owner);
      else this.byOwner.set(owner, n);
    };
  }
}

const gates = new WeakMap<WorkerPool, UploadGate>();
function gateOf(pool: WorkerPool): UploadGate {
  let gate = gates.get(pool);
  if (!gate) {
    gate = new UploadGate();
    gates.set(pool, gate);
  }
  return gate;
}

/**
 * Reads the uploaded file of `c` (≤ 5 MB; the body itself in its own type, or one file of a
 * multipart/form-data body) and has the imports worker detect its format (xlsx, csv, csv-fr)
 * and parse it within its limits; then imports it into `period` here (see `runImport`), with
 * the reasons per violation of a multipart body's `overrides` field (`readOverrides`).
 * @throws 415 for another content type (before reading); 503/429 when too many uploads are in
 *   flight; 413 for a file too large (also once unzipped, or too many rows) or too complex for
 *   its worker; 400 for an unreadable file or malformed `overrides`.
 */
export async function importUpload(
  deps: AppDeps,
  c: Context<PoleEnv>,
  input: {
    pole: PoleRow;
    userId: number;
    period: string;
    dryRun: boolean;
    filename?: string | undefined;
  },
): Promise<ImportResult> {
  const contentType = c.req.header('content-type') ?? '';
  const encoding = uploadEncoding(contentType);
  const owner = String(input.userId);
  const pool = deps.workers.imports;
  const leave = gateOf(pool).enter(owner);
  let upload: ParsedUpload;
  try {
    const limit = MAX_UPLOAD_BYTES + (encoding === 'multipart' ? MULTIPART_ALLOWANCE : 0);
    const bytes = await readUpload(c, limit);
    const job: UploadInput = { bytes: bytes.buffer as ArrayBuffer, contentType, encoding };
    upload = await pool.run<ParsedUpload>('parse-upload', job, owner, [job.bytes]);
  } catch (err) {
    if (err instanceof WorkerFailure) {
      console.error(`[ptce-suivi] import of ${input.pole.slug} refused: ${err.message}`);
      throw tooComplexToRead();
    }
    throw err;
  } finally {
    leave();
  }
  const { file } = upload;
  const lang = c.get('lang');
  return runImport(
    {
      db: deps.db,
      catalogue: await deps.catalogue.get(),
      retired: await deps.catalogue.retired(),
      pole: input.pole,
      userId: input.userId,
      now: deps.now(),
      lang,
      period: input.period,
      dryRun: input.dryRun,
      overrides: readOverrides(upload.overrides, lang),
      fileName: uploadName(c, input.filename, file.format === 'xlsx' ? 'xlsx' : 'csv'),
    },
    file,
  );
}

/**
 * The reasons per violation sent with an import: a JSON array of `{ rule, scope, slice?,
 * subject?, reason }` (`ViolationOverridesSchema`, as PUT values takes them), none without it.
 * @throws 400 (the file unreadable) when it is not JSON; 400 VALIDATION_FAILED at
 *   `overrides.i…` for a malformed item or two items for one violation.
 */
function readOverrides(text: string | null, lang: Lang): ViolationOverride[] {
  if (text === null) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw unreadable(inBoth('import.overridesNotJson'));
  }
  try {
    return parseWith(ViolationOverridesSchema, json, lang);
  } catch (err) {
    if (err instanceof ApiError && err.issues)
      throw new ApiError(
        err.code,
        err.messages,
        err.issues.map((i) => ({ ...i, path: ['overrides', ...(i.path ?? [])] })),
      );
    throw err;
  }
}
