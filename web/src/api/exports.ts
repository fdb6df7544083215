import type { Granularity, Level } from '@ptce/shared/aggregation/aggregation.types';
import {
  type ExportFormat,
  ExportJsonSchema,
  type ExportLabelledRow,
  ExportLabelledRowSchema,
  type ExportManifest,
  ExportManifestSchema,
  type ExportRow,
  ExportRowSchema,
} from '@ptce/shared/exports.wire';
import type { PeriodStatus } from '@ptce/shared/periods.wire';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { fetchRaw, parseAnswer, qs } from '../lib/api-client';
import { keys } from './keys';

/**
 * The filters of an export; `poles` undefined means every pole in the caller's scope, `status`
 * undefined every quarter state, `labels` undefined the long format for scripts.
 */
export interface ExportParams {
  format: ExportFormat;
  from: string;
  to: string;
  by: Granularity;
  level: Level;
  region?: string | undefined;
  poles?: string[] | undefined;
  status?: PeriodStatus[] | undefined;
  labels?: 'fr' | 'en' | undefined;
}

// Slugs and states hold no comma: lists are left readable (`poles=a,b`), as integrators write them.
const query = (p: ExportParams) =>
  qs({
    format: p.format,
    from: p.from,
    to: p.to,
    by: p.by,
    level: p.level,
    region: p.region,
    poles: p.poles?.join(','),
    status: p.status?.join(','),
    labels: p.labels,
  }).replaceAll('%2C', ',');

/** `GET /api/exports/values?…`: the file itself, streamed by the server. */
export const exportUrl = (p: ExportParams) => `/api/exports/values${query(p)}`;

/** `GET /api/exports/manifest?…`: when, by whom, filters, row count and SHA-256. */
export const manifestUrl = (p: ExportParams) => `/api/exports/manifest${query(p)}`;

/** A row of the preview: the long format's, or with labels (the file's columns either way). */
export type PreviewRow = ExportRow | ExportLabelledRow;

export interface ExportPreview {
  manifest: ExportManifest;
  rows: PreviewRow[];
}

/** `text` as JSON of `schema`'s shape; anything else is a `BAD_ANSWER` ApiError. */
function parsed<S extends z.core.$ZodType>(schema: S, text: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return parseAnswer(schema, json, 200, 'export preview');
}

const HEAD = '{"manifest":';
const ROWS = ',"rows":[';

/**
 * The manifest and first `limit` rows of a JSON export, read line by line from the stream (the
 * server writes the manifest on the first line, then one row per line) and cancelled as soon
 * as `limit` rows are in, so a preview never downloads a national dataset. Any other layout
 * is parsed whole.
 */
export async function readPreview(res: Response, limit: number): Promise<ExportPreview> {
  const reader = res.body?.getReader();
  if (!reader) return firstRows(parsed(ExportJsonSchema, await res.text()), limit);
  const decoder = new TextDecoder();
  let text = '';
  let start = 0;
  let manifest: ExportManifest | null = null;
  let streamed = true;
  const rows: PreviewRow[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    text += decoder.decode(value, { stream: !done });
    for (
      let end = text.indexOf('\n', start);
      streamed && end >= 0;
      end = text.indexOf('\n', start)
    ) {
      const line = text.slice(start, end).trim();
      start = end + 1;
      if (!manifest) {
        streamed = line.startsWith(HEAD) && line.endsWith(ROWS);
        if (streamed)
          manifest = parsed(ExportManifestSchema, line.slice(HEAD.length, -ROWS.length));
      } else if (line.startsWith('{')) {
        const text = line.replace(/,$/, '');
        rows.push(
          manifest.filters.labels
            ? parsed(ExportLabelledRowSchema, text)
            : parsed(ExportRowSchema, text),
        );
        if (rows.length >= limit) {
          await reader.cancel();
          return { manifest, rows };
        }
      }
    }
    if (done) break;
  }
  return streamed && manifest
    ? { manifest, rows }
    : firstRows(parsed(ExportJsonSchema, text), limit);
}

const firstRows = (body: ExportPreview, limit: number): ExportPreview => ({
  manifest: body.manifest,
  rows: body.rows.slice(0, limit),
});

/** The preview of an export: the JSON export with the same filters, first `limit` rows. */
async function getExportPreview(
  p: ExportParams,
  limit: number,
  signal?: AbortSignal,
): Promise<ExportPreview> {
  const res = await fetchRaw(exportUrl({ ...p, format: 'json' }), { signal });
  return readPreview(res, limit);
}

const PREVIEW_ROWS = 20;

const exportPreviewQuery = (p: ExportParams) => {
  const filters = { ...p, format: 'json' as const };
  return queryOptions({
    queryKey: keys.exportPreview(filters),
    queryFn: ({ signal }) => getExportPreview(filters, PREVIEW_ROWS, signal),
    staleTime: 30_000,
    // The previous preview stays on screen while the next one loads: no layout jump.
    placeholderData: keepPreviousData,
  });
};

/** The preview of `p` (its format ignored), or nothing while `enabled` is false. */
export const useExportPreview = (p: ExportParams, enabled = true) =>
  useQuery({ ...exportPreviewQuery(p), enabled });
