import { EXPORT_COLUMNS } from '@ptce/shared/aggregation/aggregation.types';
import type { ExportFormat, ExportManifest, ExportQuery } from '@ptce/shared/exports.schema';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import type { ExportPlan } from './export-rows';
import { digestRows } from './export-stream';

const NOTES = [
  'Les « personnes » sont des entrées ou des présences, pas des personnes uniques : les sommes entre pôles additionnent des comptes.',
  'Une structure membre de deux pôles est comptée deux fois dans les effectifs de membres.',
  'Les ratios sont recalculés à chaque niveau (Σ numérateurs ÷ Σ dénominateurs), jamais moyennés.',
];

/** What the manifest takes from the request (who, when, which format): plain data for a worker. */
export interface ManifestHead {
  generatedAt: string;
  generatedBy: { name: string; email: string };
  format: ExportFormat;
  region: string | null;
}

export function manifestHead(p: Principal, q: ExportQuery, now: Date): ManifestHead {
  return {
    generatedAt: now.toISOString(),
    generatedBy: { name: p.name, email: p.email },
    format: q.format,
    region: q.region ?? null,
  };
}

/** The export's manifest: its filters, and the row count and digest read from `db`. */
export async function buildManifest(
  db: Db,
  head: ManifestHead,
  plan: ExportPlan,
): Promise<ExportManifest> {
  const { rowCount, sha256 } = await digestRows(db, plan);
  return {
    generatedAt: head.generatedAt,
    generatedBy: head.generatedBy,
    filters: {
      format: head.format,
      from: plan.from,
      to: plan.to,
      by: plan.by,
      level: plan.level,
      region: head.region,
      poles: plan.poles.map((x) => x.slug),
    },
    catalogueVersion: plan.catalogue.version,
    columns: EXPORT_COLUMNS,
    rowCount,
    sha256,
    notes: NOTES,
  };
}
