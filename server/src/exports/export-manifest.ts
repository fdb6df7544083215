import { exportColumns } from '@ptce/shared/exports.labels';
import type { ExportFormat, ExportManifest, ExportQuery } from '@ptce/shared/exports.schema';
import { PERIOD_STATUSES } from '@ptce/shared/periods.schema';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import type { ExportPlan } from './export-rows';
import { digestRows } from './export-stream';

/** What the numbers mean, in French (and in English for an export with English labels). */
const NOTES = {
  fr: [
    'Les « personnes » sont des entrées ou des présences, pas des personnes uniques : les sommes entre pôles additionnent des comptes.',
    'Une structure membre de deux pôles est comptée deux fois dans les effectifs de membres.',
    'Les ratios sont recalculés à chaque niveau (Σ numérateurs ÷ Σ dénominateurs), jamais moyennés.',
  ],
  en: [
    '“People” are entries or attendances, not unique persons: sums across poles add counts up.',
    'A member organisation of two poles is counted twice in the member counts.',
    'Ratios are recomputed at each level (Σ numerators ÷ Σ denominators), never averaged.',
  ],
};
const STATUS_NOTE = {
  fr: 'Filtre d’état : seuls les trimestres dans ces états sont agrégés ; une année ou un total de pôles ou de région ne compte que ceux-là (complet = non si un trimestre en est exclu).',
  en: 'State filter: only quarters in these states are aggregated; a year, pole or region total counts only those (complete = no when a quarter was left out).',
};

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
  const { rowCount, statusCounts, sha256 } = await digestRows(db, plan);
  const lang = plan.labels ?? 'fr';
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
      status: plan.statuses ?? [...PERIOD_STATUSES],
      labels: plan.labels,
    },
    catalogueVersion: plan.catalogue.version,
    columns: exportColumns(plan.labels),
    rowCount,
    statusCounts,
    sha256,
    notes: plan.statuses ? [...NOTES[lang], STATUS_NOTE[lang]] : NOTES[lang],
  };
}
