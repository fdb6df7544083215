import { describe, expect, it } from 'vitest';
import { readPreview } from './exports';

const manifest = { rowCount: 3, sha256: 'ab' };
const row = (i: number) => ({ region: 'HDF', pole: 'p', indicator: `I${i}`, value: i });

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

  it('parses any other JSON layout whole', async () => {
    const body = JSON.stringify({ manifest, rows: [row(0), row(1), row(2)] });
    expect(await readPreview(new Response(body), 2)).toEqual({ manifest, rows: [row(0), row(1)] });
  });
});
