// Export benchmark (issue 4): a generated dataset of about 500 000 export rows, exported as CSV
// through the running server; reports time, throughput and the server's peak RSS growth.
//   pnpm bench:export [--poles 46] [--from 2016Q4] [--to 2026Q3]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../tests/support/start-server';
import { BENCH_ADMIN, buildDataset } from './dataset';
import { rssMb, sampleRss } from './rss';

const { values: args } = parseArgs({
  options: {
    poles: { type: 'string', default: '46' },
    from: { type: 'string', default: '2016Q4' },
    to: { type: 'string', default: '2026Q3' },
  },
});
const file = path.resolve(import.meta.dirname, 'out', 'export-bench.sqlite');

const t0 = performance.now();
const values = await buildDataset(file, {
  poles: Number(args.poles),
  regions: 13,
  from: args.from!,
  to: args.to!,
  seed: 7,
});
console.log(
  `dataset: ${values.toLocaleString('fr-FR')} values in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const server = await startServer(file, { PTCE_DEMO: '0' });
try {
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const pid = server.child.pid!;
  const query = `from=${args.from}&to=${args.to}&level=scope&by=quarter`;
  for (const format of ['csv', 'csv-fr'] as const) {
    await new Promise((r) => setTimeout(r, 500));
    const before = rssMb(pid);
    const sampler = sampleRss(pid);
    const start = performance.now();
    const res = await fetch(`${server.url}/api/exports/values?format=${format}&${query}`, {
      headers: { cookie },
    });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body!) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const seconds = (performance.now() - start) / 1000;
    const peak = sampler.stop();
    const rows = lines - 1;
    console.log(
      `${format.padEnd(7)} ${rows.toLocaleString('fr-FR')} rows, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
        `(${Math.round(rows / seconds).toLocaleString('fr-FR')} rows/s); server RSS ${before.toFixed(0)} → peak ${peak.toFixed(0)} MB, growth ${(peak - before).toFixed(0)} MB (goal < 100 MB)`,
    );
  }
} finally {
  await server.stop();
}
