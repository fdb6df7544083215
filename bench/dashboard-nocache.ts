// The dashboard read with no answer cache (issue 13 point 7, DESIGN.md "cold as warm"): the
// national dataset's dashboard answer over every pole in turn, each answer computed, as on
// several app servers or right after a start.
//   pnpm bench:nocache                   3 measured runs of 10 s, cold first passes, wrk if installed
//   pnpm bench:nocache --repeat 5 --seconds 20
//   pnpm bench:nocache --profile DIR     the server's CPU profile (node --cpu-prof) into DIR
// Goal: p99 < 50 ms at 50 connections; its section of bench/RESULTS.md is replaced. Printed beside what the same run measures as
// `pnpm bench` loads it (each connection cycling from the first pole).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { quarterFromIndex, quarterIndex } from '@ptce/shared/periods';
import { serverNodeFlags } from '../scripts/server-flags.mjs';
import { BENCH_ADMIN, buildDataset } from './dataset';
import { type LoadResult, load } from './load';
import { writeResultsSection } from './results-file';

const { values: args } = parseArgs({
  options: {
    poles: { type: 'string', default: '300' },
    quarters: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '10' },
    repeat: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    rebuild: { type: 'boolean', default: false },
    /** Skip the wrk rows even when wrk is installed. */
    'no-wrk': { type: 'boolean', default: false },
    profile: { type: 'string' },
    /** Another database file than the national dataset's (e.g. a copy for another build). */
    db: { type: 'string' },
  },
});
const poles = Number(args.poles);
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const to = '2026Q3';
const from = quarterFromIndex(quarterIndex(to) - Number(args.quarters) + 1);
// The file `pnpm bench` builds and reuses.
const file = path.resolve(
  args.db ?? path.join(import.meta.dirname, 'out', `national-${poles}-${args.quarters}.sqlite`),
);

if (args.profile) {
  fs.mkdirSync(args.profile, { recursive: true });
  process.env.PTCE_NODE_FLAGS = [
    ...serverNodeFlags(),
    '--cpu-prof',
    `--cpu-prof-dir=${path.resolve(args.profile)}`,
  ].join(' ');
}
// Imported after PTCE_NODE_FLAGS is set: it reads the server's Node flags once.
const { startServer } = await import('../tests/support/start-server');

if (!args.db && (args.rebuild || !fs.existsSync(file))) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  const rows = await buildDataset(file, { poles, regions: 13, scopes: 5, from, to, seed: 2026 });
  console.log(
    `dataset built: ${rows.toLocaleString('fr-FR')} values in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** The dashboard's values request (as the web's dashboard and `pnpm bench` ask it): 3 years, totals and ratio terms. */
const dashboardPath = (pole: string) =>
  `/api/poles/${pole}/series?from=${quarterFromIndex(quarterIndex(to) - 11)}&to=${to}`;
const everyPole = Array.from({ length: poles }, (_, i) => `pole-${String(i + 1).padStart(3, '0')}`);
const paths = everyPole.map(dashboardPath);

async function started() {
  const server = await startServer(file, { PTCE_DEMO: '0', PTCE_CACHE_MB: '0', PTCE_BENCH: '1' });
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { server, cookie };
}

/** What the run printed from its header on: its section of RESULTS.md (unless --db or --profile). */
const printed: string[] = [];
const print = (line: string) => {
  console.log(line);
  printed.push(line);
};

const row = (name: string, r: LoadResult) =>
  `| ${name} | ${r.p50} | ${r.p99} | ${r.max} | ${Math.round(r.rps)} | ${(r.p99 / 50).toFixed(2)}×${r.failures ? ` — ${r.failures} failures` : ''} |`;

print(
  `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}; ${poles} poles, ${connections} connections, PTCE_CACHE_MB=0`,
);
print(
  `\n| dashboard series, no answer cache | p50 ms | p99 ms | max ms | req/s | p99 ÷ goal (50 ms) |`,
);
print('|---|---|---|---|---|---|');

/** One pass over every pole, each once, right after a start (the JIT and SQLite's page cache cold). */
async function firstPass(name: string) {
  const { server, cookie } = await started();
  try {
    const r = await load(server.url, cookie, connections, 60, paths, {
      spread: true,
      amount: poles,
    });
    print(row(`${name} (${r.total} requests, each pole once)`, r));
  } finally {
    await server.stop();
  }
}
// The quarters' dashboard entries (quarter_totals) emptied first: each read builds and stores them.
const hasEntries = spawnSync('sqlite3', [
  file,
  "SELECT 1 FROM sqlite_schema WHERE name = 'quarter_totals'",
]).stdout;
if (hasEntries?.toString().trim() === '1') {
  spawnSync('sqlite3', [file, 'DELETE FROM quarter_totals']);
  await firstPass(
    'first pass right after a start, quarter entries emptied (each built by its read)',
  );
}
await firstPass('first pass right after a start');

const { server, cookie } = await started();
const wrk = !args['no-wrk'] && spawnSync('wrk', ['--version']).error === undefined;
try {
  // Not counted: the JIT compiles the path, SQLite's cache fills.
  await load(server.url, cookie, connections, 3, paths, { spread: true });
  for (let i = 1; i <= Number(args.repeat); i++) {
    const r = await load(server.url, cookie, connections, seconds, paths, { spread: true });
    print(row(`every pole in turn, run ${i} (${r.total} requests)`, r));
  }
  const r = await load(server.url, cookie, connections, seconds, paths);
  print(row(`every pole, each connection cycling from pole-001 as \`pnpm bench\` (${r.total})`, r));
  if (wrk) print(row('wrk from outside, every pole in turn', runWrk(server.url, cookie)));
  // The framework's ceiling: one pole's answer, its bytes from memory through the same stack.
  const body = await (
    await fetch(`${server.url}${paths[0]}`, { headers: { cookie } })
  ).arrayBuffer();
  await fetch(`${server.url}/api/_bench/ceiling`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, origin: server.url },
    body,
  });
  const ceiling = await load(`${server.url}/api/_bench/ceiling`, cookie, connections, seconds);
  print(
    row(
      `ceiling: the same answer (${(body.byteLength / 1024).toFixed(0)} KiB) from memory, gzipped once`,
      ceiling,
    ),
  );
} finally {
  await server.stop();
}
if (wrk) {
  const cold = await started();
  try {
    print(
      row(
        'wrk, first pass right after a start (each pole once)',
        runWrk(cold.server.url, cold.cookie, true),
      ),
    );
  } finally {
    await cold.server.stop();
  }
} else if (!args['no-wrk']) {
  print('\n(wrk is not installed: apt-get install -y wrk for the rows measured from outside)');
}
if (args.profile) console.log(`\nCPU profiles in ${args.profile}`);
else if (!args.db) writeSection();

/** Replaces (or adds, at the end) this benchmark's section of bench/RESULTS.md. */
function writeSection(): void {
  writeResultsSection(
    '<!-- pnpm bench:nocache -->',
    '<!-- /pnpm bench:nocache -->',
    `## The dashboard read with no answer cache (SQLite)\n\nRun ${new Date().toISOString()} with \`pnpm bench:nocache\`: every pole in turn spread over the connections (each answer computed), first passes right after a start, wrk from outside. Goal: p99 < 50 ms.\n\n\`\`\`${printed.join('\n')}\n\`\`\``,
  );
  console.log('\nwritten to bench/RESULTS.md');
}

/**
 * wrk (2 threads, `connections` connections) over every pole in turn with the session cookie:
 * each thread rotates over its half of the poles. `once`: each pole once, then stop.
 */
function runWrk(url: string, cookie: string, once = false): LoadResult {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-wrk-')), 'poles.lua');
  fs.writeFileSync(
    script,
    `local paths = { ${paths.map((p) => `"${p}"`).join(', ')} }
local index = 0
function setup(thread)
  thread:set("first", index * ${Math.ceil(poles / 2)})
  index = index + 1
end
function init(args)
  n = 0
  done = 0
  wrk.headers["Cookie"] = "${cookie}"
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
end
function request()
  local p = paths[((first + n) % #paths) + 1]
  n = n + 1
  return wrk.format("GET", p)
end
${
  once
    ? `function response(status, headers, body)
  done = done + 1
  if done >= ${Math.ceil(poles / 2)} then wrk.thread:stop() end
end
`
    : ''
}`,
  );
  const res = spawnSync(
    'wrk',
    [
      '-t2',
      `-c${connections}`,
      `-d${once ? 60 : seconds}s`,
      '--latency',
      '--timeout',
      '10s',
      '-s',
      script,
      url,
    ],
    { encoding: 'utf8' },
  );
  const text = res.stdout;
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}\\s+([\\d.]+)(us|ms|s)\\b`, 'm').exec(text);
    if (!m) return Number.NaN;
    const n = Number(m[1]);
    return Math.round(m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n);
  };
  const total = Number(/(\d+) requests in/.exec(text)?.[1] ?? Number.NaN);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0);
  const latencyMax = /^\s*Latency\s+\S+\s+\S+\s+([\d.]+)(us|ms|s)/m.exec(text);
  const max = latencyMax
    ? Math.round(
        Number(latencyMax[1]) * (latencyMax[2] === 'us' ? 0.001 : latencyMax[2] === 's' ? 1000 : 1),
      )
    : Number.NaN;
  return {
    p50: ms('50%'),
    p99: ms('99%'),
    max,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? Number.NaN),
    total,
    failures: non2xx,
  };
}
