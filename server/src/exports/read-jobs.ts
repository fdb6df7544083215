import { PassThrough } from 'node:stream';
import type { ExportFormat, ExportManifest } from '@ptce/shared/exports.schema';
import type { HistoryPage, HistoryQuery } from '@ptce/shared/values.schema';
import type { Kysely } from 'kysely';
import { openSnapshot } from '../db/create-db';
import type { Database, Db } from '../db/database';
import { findHistory } from '../values/values.repository';
import type { StreamOut } from '../workers/serve-jobs';
import { buildManifest, type ManifestHead } from './export-manifest';
import type { ExportPlan } from './export-rows';
import { csvChunks, jsonChunks } from './export-stream';

/** An export as the request thread planned it, for the `reads` pool's `export` job. */
export interface ExportJob {
  /** The database file: the worker reads it through its own read-only snapshot. */
  dbFile: string;
  plan: ExportPlan;
  format: ExportFormat;
  head: ManifestHead;
}

/** The `export-manifest` job: the manifest of `plan` (its digest pass included). */
export type ManifestJob = Omit<ExportJob, 'format'>;

/** The `history` job: a page of a pole's history, as the JSON text of its answer. */
export interface HistoryJob {
  dbFile: string;
  poleId: number;
  query: HistoryQuery & { groupId?: number | undefined };
}

/** The text of `GET /api/poles/{pole}/history`, wherever it is built. */
export async function historyText(db: Db, poleId: number, query: HistoryJob['query']) {
  const history = await findHistory(db, poleId, query);
  const limit = query.limit ?? 1000;
  const nextBefore = history.length === limit ? history[history.length - 1]!.id : null;
  return JSON.stringify({ history, nextBefore } satisfies HistoryPage);
}

/** Bytes of zipped XLSX the writer may hold ahead of the reader before it waits. */
const XLSX_AHEAD = 256 * 1024;

/**
 * Writes the XLSX export into `out`, at the reader's pace: after each group of rows the writer
 * lets the zip compress what it was given and waits while more than XLSX_AHEAD bytes are not
 * yet taken; a reader gone away stops it.
 */
async function streamXlsx(
  db: Kysely<Database>,
  plan: ExportPlan,
  manifest: ExportManifest,
  out: StreamOut,
) {
  const { writeXlsx } = await import('./xlsx-export');
  const zip = new PassThrough();
  let failed: unknown = null;
  const pace = async () => {
    do {
      if (failed) throw failed;
      await new Promise((r) => setImmediate(r));
    } while (zip.readableLength > XLSX_AHEAD);
  };
  const writing = writeXlsx(db, plan, manifest, zip, pace).catch((err: unknown) => {
    zip.destroy(err as Error);
    throw err;
  });
  writing.catch(() => undefined);
  try {
    // A copy: zlib's chunks are views on its own output buffer, which must not be transferred.
    for await (const chunk of zip) await out.write(new Uint8Array(chunk as Buffer));
  } catch (err) {
    failed = err;
    await writing.catch(() => undefined);
    throw err;
  }
  await writing;
}

/** Opens the job's snapshot, runs `body` on it, closes it however it ends. */
async function onSnapshot<T>(
  dbFile: string,
  body: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const snap = await openSnapshot(dbFile);
  try {
    return await body(snap.db);
  } finally {
    await snap.close();
  }
}

/**
 * The heavy reads the `reads` pool runs (see workers/worker.ts): every export format, the export
 * manifest and long histories, each from the worker's own read-only snapshot of the database file.
 * The manifest and the rows of one export come from the same snapshot.
 */
export const readJobs = {
  export: async (job: ExportJob, out: StreamOut | null) =>
    onSnapshot(job.dbFile, async (db) => {
      if (!out) throw new Error('the export job streams its answer');
      if (job.format === 'csv' || job.format === 'csv-fr') {
        for await (const chunk of csvChunks(db, job.plan, job.format === 'csv-fr'))
          await out.write(chunk);
        return null;
      }
      const manifest = await buildManifest(db, job.head, job.plan);
      if (job.format === 'json') {
        for await (const chunk of jsonChunks(db, job.plan, manifest)) await out.write(chunk);
        return null;
      }
      await streamXlsx(db, job.plan, manifest, out);
      return null;
    }),
  'export-manifest': async (job: ManifestJob) =>
    onSnapshot(job.dbFile, (db) => buildManifest(db, job.head, job.plan)),
  history: async (job: HistoryJob) =>
    onSnapshot(job.dbFile, (db) => historyText(db, job.poleId, job.query)),
};
