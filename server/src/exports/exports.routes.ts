import { EXPORT_COLUMNS } from '@ptce/shared/aggregation/aggregation.types';
import { exportRange } from '@ptce/shared/default-ranges';
import type { Lang } from '@ptce/shared/error-messages';
import {
  type ExportManifest,
  type ExportQuery,
  ExportQuerySchema,
} from '@ptce/shared/exports.schema';
import { MAX_RANGE_QUARTERS, quarterIndex } from '@ptce/shared/periods';
import { type Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import { requirePrincipal } from '../auth/auth.middleware';
import type { Principal } from '../auth/principal';
import { openSnapshot } from '../db/create-db';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readQuery } from '../http/validate';
import { t } from '../i18n/t';
import type { ExportPlan } from './export-rows';
import { exportPoles } from './export-scope';
import { csvChunks, digestRows, jsonChunks, toByteStream } from './export-stream';

const NOTES = [
  'Les « personnes » sont des entrées ou des présences, pas des personnes uniques : les sommes entre pôles additionnent des comptes.',
  'Une structure membre de deux pôles est comptée deux fois dans les effectifs de membres.',
  'Les ratios sont recalculés à chaque niveau (Σ numérateurs ÷ Σ dénominateurs), jamais moyennés.',
];

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
  return { catalogue: await deps.catalogue.get(), poles, from, to, by: q.by, level: q.level };
}

async function manifestOf(
  db: Kysely<Database>,
  p: Principal,
  q: ExportQuery,
  plan: ExportPlan,
  now: Date,
): Promise<ExportManifest> {
  const { rowCount, sha256 } = await digestRows(db, plan);
  return {
    generatedAt: now.toISOString(),
    generatedBy: { name: p.name, email: p.email },
    filters: {
      format: q.format,
      from: plan.from,
      to: plan.to,
      by: plan.by,
      level: plan.level,
      region: q.region ?? null,
      poles: plan.poles.map((x) => x.slug),
    },
    catalogueVersion: plan.catalogue.version,
    columns: EXPORT_COLUMNS,
    rowCount,
    sha256,
    notes: NOTES,
  };
}

/** A read snapshot of the database file, or the API's own connection for an in-memory one. */
async function snapshotOf(deps: AppDeps) {
  return deps.dbFile ? openSnapshot(deps.dbFile) : { db: deps.db, close: async () => undefined };
}

/** Yields `chunks`, then runs `close` however the stream ends (done, cancelled or failed). */
async function* closing(
  chunks: AsyncGenerator<string>,
  close: () => Promise<void>,
): AsyncGenerator<string> {
  try {
    yield* chunks;
  } finally {
    await close();
  }
}

function download(c: Context, q: ExportQuery, plan: ExportPlan, body: ReadableStream<Uint8Array>) {
  const ext = q.format === 'csv-fr' ? 'csv' : q.format;
  const name = `ptce-export-${plan.level}-${plan.by}-${plan.from}-${plan.to}${q.format === 'csv-fr' ? '-fr' : ''}.${ext}`;
  return c.body(body, 200, {
    'Content-Type': CONTENT_TYPES[q.format],
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
}

/** The aggregated exports of DESIGN.md "The export", within the caller's scope. */
export function exportsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/values', async (c) => {
      const p = requirePrincipal(c);
      const q = readQuery(c, ExportQuerySchema);
      const plan = await planFor(deps, p, q, c.get('lang'));
      // One snapshot for the manifest and the rows: they agree even if someone saves meanwhile.
      const snap = await snapshotOf(deps);
      try {
        if (q.format === 'csv' || q.format === 'csv-fr') {
          const chunks = csvChunks(snap.db, plan, q.format === 'csv-fr');
          return download(c, q, plan, toByteStream(closing(chunks, snap.close)));
        }
        const manifest = await manifestOf(snap.db, p, q, plan, deps.now());
        if (q.format === 'json') {
          return download(
            c,
            q,
            plan,
            toByteStream(closing(jsonChunks(snap.db, plan, manifest), snap.close)),
          );
        }
        // exceljs is large: loaded on the first XLSX export, not at start-up.
        const { xlsxStream } = await import('./xlsx-export');
        return download(c, q, plan, xlsxStream(snap.db, plan, manifest, snap.close));
      } catch (err) {
        await snap.close();
        throw err;
      }
    })
    .get('/manifest', async (c) => {
      const p = requirePrincipal(c);
      const q = readQuery(c, ExportQuerySchema);
      const plan = await planFor(deps, p, q, c.get('lang'));
      const snap = await snapshotOf(deps);
      try {
        return c.json(
          (await manifestOf(snap.db, p, q, plan, deps.now())) satisfies ExportManifest,
          200,
        );
      } finally {
        await snap.close();
      }
    });
}
