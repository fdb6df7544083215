import { exportRange } from '@ptce/shared/default-ranges';
import type { Lang } from '@ptce/shared/error-messages';
import {
  type ExportManifest,
  type ExportQuery,
  ExportQuerySchema,
} from '@ptce/shared/exports.schema';
import { MAX_RANGE_QUARTERS, quarterIndex } from '@ptce/shared/periods';
import { PERIOD_STATUSES } from '@ptce/shared/periods.schema';
import { type Context, Hono } from 'hono';
import { requirePrincipal } from '../auth/auth.middleware';
import type { Principal } from '../auth/principal';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readQuery } from '../http/validate';
import { t } from '../i18n/t';
import { buildManifest, manifestHead } from './export-manifest';
import type { ExportPlan } from './export-rows';
import { exportPoles } from './export-scope';
import { csvChunks, jsonChunks, toByteStream } from './export-stream';
import { busyOnFailure } from './read-failure';
import type { ExportJob, ManifestJob } from './read-jobs';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  'csv-fr': 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The validated query with its defaults: `to` = the current quarter, `from` = two years before. */
async function planFor(
  deps: AppDeps,
  p: Principal,
  q: ExportQuery,
  lang: Lang,
): Promise<ExportPlan> {
  const { from, to } = exportRange(deps.now(), q);
  const span = quarterIndex(to) - quarterIndex(from);
  if (span < 0 || span >= MAX_RANGE_QUARTERS) {
    throw new ApiError('VALIDATION_FAILED', undefined, [
      {
        path: ['from'],
        code: 'range',
        message: t(lang, 'exports.range', { max: MAX_RANGE_QUARTERS }),
      },
    ]);
  }
  // A region total is a CRESS's or an admin's: built from one pole, it would mislead.
  if (q.level === 'region' && !p.grants.some((g) => g.role === 'cress' || g.role === 'admin')) {
    throw new ApiError('FORBIDDEN');
  }
  const poles = await exportPoles(deps.db, p, q);
  return {
    catalogue: await deps.catalogue.get(),
    poles,
    from,
    to,
    by: q.by,
    level: q.level,
    // All three states is no filter: the same plan, the same bytes as without `status`.
    statuses: q.status && q.status.length < PERIOD_STATUSES.length ? q.status : null,
    labels: q.labels ?? null,
  };
}

function download(c: Context, q: ExportQuery, plan: ExportPlan, body: ReadableStream<Uint8Array>) {
  const ext = q.format === 'csv-fr' ? 'csv' : q.format;
  const states = plan.statuses ? `-${plan.statuses.join('-')}` : '';
  const name = `ptce-export-${plan.level}-${plan.by}-${plan.from}-${plan.to}${states}${q.format === 'csv-fr' ? '-fr' : ''}.${ext}`;
  return c.body(body, 200, {
    'Content-Type': CONTENT_TYPES[q.format],
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
}

/**
 * The worker's answer as a body, once its first chunk came: a refusal (queue full, owner's
 * share) throws at once and a job failing before any byte answers its error envelope, never a
 * 200 cut short. A worker that died or ran past its time is a 503.
 */
async function firstChunkThen(
  body: ReadableStream<Uint8Array>,
): Promise<ReadableStream<Uint8Array>> {
  const reader = body.getReader();
  let first: ReadableStreamReadResult<Uint8Array>;
  try {
    first = await reader.read();
  } catch (err) {
    busyOnFailure(err);
  }
  let pending: Uint8Array | null = first.done ? null : first.value;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (pending) {
          controller.enqueue(pending);
          pending = null;
          return;
        }
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** The aggregated exports of DESIGN.md "The export", within the caller's scope. */
export function exportsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/values', async (c) => {
      const p = requirePrincipal(c);
      const q = readQuery(c, ExportQuerySchema);
      const plan = await planFor(deps, p, q, c.get('lang'));
      const head = manifestHead(p, q, deps.now());
      if (deps.dbFile) {
        // Built in the reads pool from the worker's own snapshot: this thread only pipes bytes.
        const job: ExportJob = { dbFile: deps.dbFile, plan, format: q.format, head };
        const { body } = deps.workers.reads.stream('export', job, String(p.userId));
        return download(c, q, plan, await firstChunkThen(body));
      }
      // In memory (no file to open twice): built here, on the API's own connection.
      const db = deps.db;
      if (q.format === 'csv' || q.format === 'csv-fr')
        return download(c, q, plan, toByteStream(csvChunks(db, plan, q.format === 'csv-fr')));
      const manifest = await buildManifest(db, head, plan);
      if (q.format === 'json')
        return download(c, q, plan, toByteStream(jsonChunks(db, plan, manifest)));
      // exceljs is large: loaded on the first XLSX export, not at start-up.
      const { xlsxStream } = await import('./xlsx-export');
      return download(c, q, plan, xlsxStream(db, plan, manifest));
    })
    .get('/manifest', async (c) => {
      const p = requirePrincipal(c);
      const q = readQuery(c, ExportQuerySchema);
      const plan = await planFor(deps, p, q, c.get('lang'));
      const head = manifestHead(p, q, deps.now());
      const manifest = deps.dbFile
        ? await deps.workers.reads
            .run<ExportManifest>(
              'export-manifest',
              { dbFile: deps.dbFile, plan, head } satisfies ManifestJob,
              String(p.userId),
            )
            .catch(busyOnFailure)
        : await buildManifest(deps.db, head, plan);
      return c.json(manifest satisfies ExportManifest, 200);
    });
}
