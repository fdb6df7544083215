import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client';
import { readPreview } from './exports';

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
  },
  catalogueVersion: '1',
  columns: [],
  rowCount: 3,
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

  it('parses any other JSON layout whole', async () => {
    const body = JSON.stringify({ manifest, rows: [row(0), row(1), row(2)] });
    expect(await readPreview(new Response(body), 2)).toEqual({ manifest, rows: [row(0), row(1)] });
  });
});
