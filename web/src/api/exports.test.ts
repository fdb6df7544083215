import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client';
import { exportUrl, manifestUrl, readPreview } from './exports';

const manifest = {
  generatedAt: '2026-11-29T09:00:00.000Z',
  generatedBy: { name: 'Sophie', email: 'x@demo' },
  filters: {
    format: 'json',
    from: '2024Q1',
    to: '2026Q4',
    by: 'quarter',
    level: 'pole',
    region: null,
    poles: [],
    status: ['draft', 'submitted', 'validated'],
    labels: null,
  },
  catalogueVersion: '1',
  columns: [],
  rowCount: 3,
  statusCounts: { validated: 0, submitted: 0, draft: 3, mixed: 0 },
  sha256: 'ab',
  notes: [],
};
const row = (i: number) => ({
  region: 'HDF',
  pole: 'p',
  scope: '',
  indicator: `I${i}`,
  unit: 'count',
  period: '2026Q1',
  slice: '',
  value: i,
  status: 'draft',
  complete: true,
});

/** The server's JSON export layout, cut into chunks that split lines in the middle. */
function streamed(rows: number, chunk = 7) {
  const text = `{"manifest":${JSON.stringify(manifest)},"rows":[${Array.from(
    { length: rows },
    (_, i) => `${i ? ',' : ''}\n${JSON.stringify(row(i))}`,
  ).join('')}\n]}\n`;
  const bytes = new TextEncoder().encode(text);
  let pos = 0;
  const state = { cancelled: false, sent: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pos >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(pos, pos + chunk));
      pos += chunk;
      state.sent = pos;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { res: new Response(body), state, size: bytes.length };
}

describe('readPreview', () => {
  it('reads the manifest and the first rows, then stops reading', async () => {
    const { res, state, size } = streamed(1000);
    const preview = await readPreview(res, 20);
    expect(preview.manifest).toEqual(manifest);
    expect(preview.rows).toEqual(Array.from({ length: 20 }, (_, i) => row(i)));
    expect(state.cancelled).toBe(true);
    expect(state.sent).toBeLessThan(size / 10);
  });

  it('returns every row of a short export', async () => {
    const preview = await readPreview(streamed(3).res, 20);
    expect(preview.rows).toEqual([row(0), row(1), row(2)]);
  });

  it('refuses a row of another shape than the shared ExportRow, as a BAD_ANSWER', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const body = `{"manifest":${JSON.stringify(manifest)},"rows":[\n{"region":"HDF"}\n]}\n`;
    const error = await readPreview(new Response(body), 20).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('BAD_ANSWER');
    expect((error as ApiError).issues.map((i) => i.path)).toContainEqual(['pole']);
  });

  it('reads rows with labels when the manifest says so, and refuses a long-format row there', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fr = { ...manifest, filters: { ...manifest.filters, labels: 'fr' } };
    const labelled = {
      region: 'HDF',
      region_name: 'Hauts-de-France',
      pole: 'p',
      pole_name: 'Pôle P',
      scope: '',
      scope_name: '',
      indicator: 'I0',
      indicator_label: 'Indicateur',
      unit: 'nombre',
      period: 'T1 2026',
      slice: '',
      slice_label: '',
      value: 3,
      status: 'Brouillon',
      complete: 'oui',
    };
    const body = (r: unknown) =>
      `{"manifest":${JSON.stringify(fr)},"rows":[\n${JSON.stringify(r)}\n]}\n`;
    expect((await readPreview(new Response(body(labelled)), 20)).rows).toEqual([labelled]);
    const error = await readPreview(new Response(body(row(0))), 20).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('BAD_ANSWER');
  });

  it('parses any other JSON layout whole', async () => {
    const body = JSON.stringify({ manifest, rows: [row(0), row(1), row(2)] });
    expect(await readPreview(new Response(body), 2)).toEqual({ manifest, rows: [row(0), row(1)] });
  });
});

describe('exportUrl', () => {
  it('writes states and labels as integrators do: comma-separated, after the other filters', () => {
    const p = {
      format: 'csv-fr' as const,
      from: '2025Q1',
      to: '2025Q4',
      by: 'year' as const,
      level: 'region' as const,
      poles: ['a', 'b'],
      status: ['submitted' as const, 'validated' as const],
      labels: 'fr' as const,
    };
    const query =
      'format=csv-fr&from=2025Q1&to=2025Q4&by=year&level=region&poles=a,b&status=submitted,validated&labels=fr';
    expect(exportUrl(p)).toBe(`/api/exports/values?${query}`);
    expect(manifestUrl(p)).toBe(`/api/exports/manifest?${query}`);
    expect(exportUrl({ ...p, status: undefined, labels: undefined, poles: undefined })).toBe(
      '/api/exports/values?format=csv-fr&from=2025Q1&to=2025Q4&by=year&level=region',
    );
  });
});
