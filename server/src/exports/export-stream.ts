import { createHash } from 'node:crypto';
import { BOM, csvLine, FRENCH_EXCEL, RFC4180 } from '@ptce/shared/csv';
import { exportHeaders } from '@ptce/shared/exports.labels';
import type { ExportManifest } from '@ptce/shared/exports.schema';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { type ExportPlan, exportRows } from './export-rows';
import { csvLabelledRow, csvRow, decimalsOf, jsonRow } from './row-format';
import { rowLabeller } from './row-labels';

/**
 * Row count, rows by status and SHA-256 of the data rows as RFC 4180 lines without labels:
 * independent of the format and the labels, reproducible.
 */
export async function digestRows(
  db: Kysely<Database>,
  plan: ExportPlan,
): Promise<Pick<ExportManifest, 'rowCount' | 'statusCounts' | 'sha256'>> {
  const hash = createHash('sha256');
  const decimals = decimalsOf(plan.catalogue);
  const statusCounts = { validated: 0, submitted: 0, draft: 0, mixed: 0 };
  let rowCount = 0;
  for await (const { rows } of exportRows(db, plan)) {
    for (const row of rows) {
      hash.update(csvRow(row, decimals(row.indicator), RFC4180));
      statusCounts[row.status] += 1;
    }
    rowCount += rows.length;
  }
  return { rowCount, statusCounts, sha256: hash.digest('hex') };
}

/** The CSV export (RFC 4180, or French Excel with BOM) as text chunks, one group at a time. */
export async function* csvChunks(
  db: Kysely<Database>,
  plan: ExportPlan,
  french: boolean,
): AsyncGenerator<string> {
  const dialect = french ? FRENCH_EXCEL : RFC4180;
  const decimals = decimalsOf(plan.catalogue);
  const labelled = plan.labels ? rowLabeller(plan.catalogue, plan.labels) : null;
  yield (french ? BOM : '') + csvLine(exportHeaders(plan.labels), dialect);
  for await (const { rows, names } of exportRows(db, plan)) {
    let chunk = '';
    for (const row of rows) {
      const d = decimals(row.indicator);
      chunk += labelled
        ? csvLabelledRow(labelled(row, names, d), d, dialect)
        : csvRow(row, d, dialect);
    }
    if (chunk) yield chunk;
  }
}

/** The JSON export: `{ "manifest": …, "rows": [ … ] }`, rows streamed after the manifest. */
export async function* jsonChunks(
  db: Kysely<Database>,
  plan: ExportPlan,
  manifest: ExportManifest,
): AsyncGenerator<string> {
  const decimals = decimalsOf(plan.catalogue);
  const labelled = plan.labels ? rowLabeller(plan.catalogue, plan.labels) : null;
  yield `{"manifest":${JSON.stringify(manifest)},"rows":[`;
  let first = true;
  for await (const { rows, names } of exportRows(db, plan)) {
    let chunk = '';
    for (const row of rows) {
      const d = decimals(row.indicator);
      const line = labelled ? JSON.stringify(labelled(row, names, d)) : jsonRow(row, d);
      chunk += `${first ? '\n' : ',\n'}${line}`;
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield '\n]}\n';
}

/** A byte stream over text chunks, pulled by the client (back-pressure), coalesced to ~64 KB. */
export function toByteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let buffer = '';
      while (buffer.length < 65_536) {
        const next = await chunks.next();
        if (next.done) {
          if (buffer) controller.enqueue(encoder.encode(buffer));
          controller.close();
          return;
        }
        buffer += next.value;
      }
      controller.enqueue(encoder.encode(buffer));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
