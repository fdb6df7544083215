// `pnpm bench --pg` (issue 13 point 7): the national dataset on PostgreSQL, two app servers on
// one database sharing the load. Prints its lines through `out` (national.ts writes them into
// RESULTS.md beside the SQLite run).
import { spawnSync } from 'node:child_process';
import { quarterFromIndex, quarterIndex } from '@ptce/shared/periods';
import { copySqliteToPostgres } from '../server/src/backup/sqlite-to-postgres';
import { connect } from '../server/src/db/create-db';
import { migrateToLatest } from '../server/src/db/migrate';
import { type Cluster, startCluster } from '../server/src/test-support/pg-cluster';
import { type RunningServer, startServer } from '../tests/support/start-server';
import { BENCH_ADMIN } from './dataset';
import { gridCells, gridWriter } from './grid-writer';
import { type LoadResult, load, percentile } from './load';
import { rssMb, sampleRss } from './rss';

export interface PgBenchOptions {
  /** The SQLite dataset file, copied into PostgreSQL. */
  file: string;
  poles: number;
  from: string;
  to: string;
  seconds: number;
  out: (line: string) => void;
}

/** Two loads at once, one per server (25 connections each); the slower server's p99. */
async function shared(
  servers: RunningServer[],
  cookies: string[],
  seconds: number,
  paths: (i: number) => string[],
): Promise<LoadResult & { each: LoadResult[] }> {
  const each = await Promise.all(
    // `spread`: each connection starts at another pole, so no answer is shared by many requests.
    servers.map((s, i) => load(s.url, cookies[i]!, 25, seconds, paths(i), { spread: true })),
  );
  return {
    p50: Math.max(...each.map((r) => r.p50)),
    p99: Math.max(...each.map((r) => r.p99)),
    rps: each.reduce((n, r) => n + r.rps, 0),
    failures: each.reduce((n, r) => n + r.failures, 0),
    max: Math.max(...each.map((r) => r.max)),
    total: each.reduce((n, r) => n + r.total, 0),
    each,
  };
}

const row = (name: string, r: LoadResult & { each: LoadResult[] }, goal: string) =>
  `| ${name} | ${r.p50} | ${r.p99} | ${Math.round(r.rps)} | ${r.each.map((e) => `${e.p99}`).join(' / ')} | ${goal}${r.failures ? ` — ${r.failures} failures` : ''} |`;

export async function pgBench(o: PgBenchOptions): Promise<void> {
  const { out } = o;
  const cluster: Cluster = await startCluster({ durable: true });
  const servers: RunningServer[] = [];
  try {
    const url = cluster.url.replace(/\/postgres$/, '/ptce');
    spawnSync('psql', [cluster.url, '-qc', 'CREATE DATABASE ptce']);
    // The dataset file may come from an older run: bring its schema to this version first.
    const source = connect(o.file);
    const migrated = await migrateToLatest(source.db);
    await source.db.destroy();
    if (migrated.error) throw migrated.error;
    let t0 = performance.now();
    const copied = await copySqliteToPostgres(o.file, url);
    if (!copied.ok) throw new Error('the copy into PostgreSQL did not read back the same');
    const rows = copied.rows;
    // The copy's WAL (~3.7 M rows) written out now, not by a checkpoint during the saves below.
    spawnSync('psql', [url, '-qc', 'CHECKPOINT']);
    out(
      `two app servers on one database: PostgreSQL ${pgVersion(cluster)} on this machine (a throwaway cluster, fsync on); the dataset copied from the SQLite file by \`pnpm migrate-to-postgres\`: ${rows.toLocaleString('fr-FR')} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s, every table's count and checksum equal.`,
    );
    const everyPole = Array.from(
      { length: o.poles },
      (_, i) => `pole-${String(i + 1).padStart(3, '0')}`,
    );
    // Each server takes half of the poles in turn, so both compute answers.
    const half = (i: number, list: string[]) => list.filter((_, k) => k % 2 === i);
    const dashboard = (p: string) =>
      `/api/poles/${p}/series?from=${quarterFromIndex(quarterIndex(o.to) - 11)}&to=${o.to}`;
    const entry = (p: string) =>
      `/api/poles/${p}/values?from=${quarterFromIndex(quarterIndex(o.to) - 4)}&to=${o.to}&scope=mobilite-sociale`;

    for (let i = 0; i < 2; i++)
      servers.push(await startServer(o.file, { PTCE_DEMO: '0', PTCE_DATABASE_URL: url }));
    const rss = servers.map((s) => sampleRss(s.child.pid!, 50));
    const login = async (s: RunningServer, email: string, password: string) => {
      const res = await fetch(`${s.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: s.url },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login on ${s.url}: ${res.status}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const admins = await Promise.all(
      servers.map((s) => login(s, BENCH_ADMIN.email, BENCH_ADMIN.password)),
    );
    const coord = { email: 'coord-pg@poles.bench', password: 'bench-coordinator-password' };
    const written = everyPole.slice(0, 100);
    await fetch(`${servers[0]!.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: servers[0]!.url, cookie: admins[0]! },
      body: JSON.stringify({
        ...coord,
        name: 'Coordination',
        memberships: written.map((pole) => ({ role: 'coordinator', pole })),
      }),
    });
    const coordA = await login(servers[0]!, coord.email, coord.password);
    const coordB = await login(servers[1]!, coord.email, coord.password);

    // Grid saves, alternately through A and B (30 not counted, then 200).
    const cells = await gridCells(servers[0]!.url, coordA, 'pole-001');
    const saveA = gridWriter({ url: servers[0]!.url, cookie: coordA, cells, period: '2026Q4' });
    const latencies: number[] = [];
    for (let i = 0; i < 230; i++) {
      const l = await saveA('pole-001');
      if (i >= 30) latencies.push(l);
    }

    // Warm-up, not counted.
    await shared(servers, admins, 3, (i) => half(i, everyPole).map(dashboard));

    out(
      '\n| load (50 connections: 25 on each server) | p50 ms | p99 ms | req/s | p99 A / B | goal |',
    );
    out('|---|---|---|---|---|---|');
    out(
      row(
        'dashboard series, every pole in turn',
        await shared(servers, admins, o.seconds, (i) => half(i, everyPole).map(dashboard)),
        'p99 < 25 ms',
      ),
    );
    out(
      row(
        'entry values, every pole in turn',
        await shared(servers, admins, o.seconds, (i) => half(i, everyPole).map(entry)),
        'p99 < 25 ms',
      ),
    );
    out(
      `\nsaving a full quarter grid (${cells.length} values with history) through server A, 200 saves after 30 not counted: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (goal p99 < 30 ms)`,
    );

    // Freshness: one value saved through one server, then at once read through the other.
    const cell = cells[0]!;
    const readCell = async (s: RunningServer, cookie: string) => {
      const res = await fetch(
        `${s.url}/api/poles/pole-002/values?from=2026Q4&to=2026Q4&scope=${cell.scope}`,
        { headers: { cookie } },
      );
      const body = (await res.json()) as {
        values: Array<{ indicator: string; slice: string; value: number; version: number }>;
      };
      return body.values.find((v) => v.indicator === cell.indicator && v.slice === '');
    };
    const lags: number[] = [];
    let stale = 0;
    for (let i = 0; i < 40; i++) {
      const [w, wCookie, r, rCookie] =
        i % 2 === 0
          ? [servers[0]!, coordA, servers[1]!, coordB]
          : [servers[1]!, coordB, servers[0]!, coordA];
      const version = (await readCell(w, wCookie))?.version ?? 0;
      const put = await fetch(`${w.url}/api/poles/pole-002/values`, {
        method: 'PUT',
        headers: { cookie: wCookie, 'content-type': 'application/json', origin: w.url },
        body: JSON.stringify({
          period: '2026Q4',
          entries: [{ ...cell, value: 1000 + i, version, overrideReason: 'banc d’essai' }],
        }),
      });
      if (put.status !== 200) throw new Error(`freshness save: ${put.status} ${await put.text()}`);
      const t = performance.now();
      const seen = await readCell(r, rCookie);
      lags.push(performance.now() - t);
      if (seen?.value !== 1000 + i) stale++;
    }
    out(
      `freshness across servers: 40 saves alternately through A and B, each read back at once through the other: ${stale} stale answers (goal 0); the read took p50 ${percentile(lags, 50).toFixed(1)} ms, max ${Math.max(...lags).toFixed(1)} ms`,
    );

    // National csv export through A, against psql \copy of the same rows.
    const exportRss = sampleRss(servers[0]!.child.pid!, 20);
    t0 = performance.now();
    const res = await fetch(
      `${servers[0]!.url}/api/exports/values?format=csv&level=scope&by=quarter&from=${o.from}&to=${o.to}`,
      { headers: { cookie: admins[0]! } },
    );
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body!) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    const exportSeconds = (performance.now() - t0) / 1000;
    const exportPeak = exportRss.stop();
    const query = `SELECT p.region_code, p.slug, g.slug, v.indicator_code, i.unit, v.period, v.slice, v.value FROM "values" v JOIN poles p ON p.id = v.pole_id JOIN working_groups g ON g.id = v.group_id JOIN indicators i ON i.code = v.indicator_code WHERE v.value IS NOT NULL AND v.period BETWEEN '${o.from}' AND '${o.to}' ORDER BY p.region_code, p.slug, g.is_pole, g.position, v.indicator_code, v.slice, v.period`;
    t0 = performance.now();
    const dump = spawnSync('psql', [url, '-qc', `\\copy (${query}) TO STDOUT WITH CSV HEADER`], {
      maxBuffer: 4 * 1024 ** 3,
    });
    const psqlSeconds = (performance.now() - t0) / 1000;
    out(
      `national csv export through A: ${(lines - 1).toLocaleString('fr-FR')} rows, ${(bytes / 1e6).toFixed(0)} MB in ${exportSeconds.toFixed(1)} s; psql \\copy of the same value rows: ${psqlSeconds.toFixed(1)} s (${(dump.stdout.length / 1e6).toFixed(0)} MB) → ratio ${(exportSeconds / psqlSeconds).toFixed(2)}× (goal ≤ 2×); server A's RSS peak during it ${exportPeak.toFixed(0)} MB`,
    );
    const peaks = rss.map((r) => r.stop());
    out(
      `servers' RSS over the run: A peak ${peaks[0]!.toFixed(0)} MB, B peak ${peaks[1]!.toFixed(0)} MB (goal < 200 MB each; now ${servers.map((s) => rssMb(s.child.pid!).toFixed(0)).join(' / ')} MB)`,
    );
    for (const s of servers.splice(0)) await s.stop();

    // No answer cache: each answer computed, on both servers.
    for (let i = 0; i < 2; i++)
      servers.push(
        await startServer(o.file, {
          PTCE_DEMO: '0',
          PTCE_DATABASE_URL: url,
          PTCE_CACHE_MB: '0',
        }),
      );
    const cold = await Promise.all(
      servers.map((s) => login(s, BENCH_ADMIN.email, BENCH_ADMIN.password)),
    );
    const first = await shared(servers, cold, o.seconds, (i) => half(i, everyPole).map(dashboard));
    const again = await shared(servers, cold, o.seconds, (i) => half(i, everyPole).map(dashboard));
    out(
      '\n| no answer cache (PTCE_CACHE_MB=0), 50 connections | p50 ms | p99 ms | req/s | p99 A / B | goal |',
    );
    out('|---|---|---|---|---|---|');
    out(
      row('dashboard series, every pole in turn, first pass after the start', first, 'p99 < 50 ms'),
    );
    out(row('dashboard series, every pole in turn, again', again, 'p99 < 50 ms'));
  } finally {
    for (const s of servers) await s.stop();
    cluster.stop();
  }
}

function pgVersion(cluster: Cluster): string {
  const r = spawnSync('psql', [cluster.url, '-Atqc', 'SHOW server_version'], { encoding: 'utf8' });
  return r.stdout.trim().split(' ')[0] ?? '?';
}
