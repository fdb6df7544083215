// The fairness table of issue 10 ("No user, file or flood can take the service from the others"):
// a cheap request's latency while 20 clients pull heavy answers, a legitimate login and the
// app's page and script during a login flood, and the server's RSS peak over each scenario.
// Each scenario runs on a fresh server (production Node flags, tests/support/start-server.ts),
// so that one scenario's queued work, heap and rate-limit counters do not leak into the next.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { quarterFromIndex, quarterIndex } from '@ptce/shared/periods';
import { startServer } from '../tests/support/start-server';
import { BENCH_ADMIN } from './dataset';
import { gridCells, gridWriter } from './grid-writer';
import { percentile } from './load';
import { sampleRss } from './rss';

/** The goals of issue 10, never lowered. */
const GOAL = { cheapP99: 50, login: 2000, page: 200, rssMb: 200 };
/** The cheap request's account: another account than the heavy clients' (the bench admin). */
const OTHER = {
  email: 'fair@poles.bench',
  password: 'bench-fairness-password',
  pole: 'pole-002',
};
const HEAVY_CLIENTS = 20;
const CHEAP_EVERY_MS = 20;
/** A heavy client refused (429/503) or failed asks again after this pause. */
const HEAVY_PAUSE_MS = 100;
export const FLOOD = { logins: 1000, addresses: 50, resendAfterMs: 1000 };
const LEGIT_ADDRESS = '127.0.0.52';
/** How long the bench waits for a request it measures before counting it as unanswered. */
const DRAIN_MS = 20_000;

export interface FairnessOptions {
  dbFile: string;
  /** The dataset's last quarter. */
  to: string;
  /** Measured seconds per scenario (after `warmUp` seconds not counted). */
  seconds: number;
  warmUp: number;
  out: (line: string) => void;
}

interface Answer {
  status: number;
  bytes: number;
  /** From sending to the last byte of the body. */
  ms: number;
  /** When the headers came (performance.now()), NaN if none. */
  headersAt: number;
  contentType: string;
  error?: string;
}

/** What bench/login-flood.ts prints when its flood ends. */
export interface FloodReport {
  answers: Array<Pick<Answer, 'status' | 'error'>>;
  unanswered: number;
  seconds: number;
}

interface Sent {
  done: Promise<Answer>;
  abort: () => void;
}

/** One HTTP request whose body is read to the end (counted, not kept); never rejects. */
export function send(
  base: URL,
  o: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** `false`: a connection of its own, as a newcomer's browser opens. */
    agent?: http.Agent | false;
    localAddress?: string;
    keep?: boolean;
  },
): Sent & { text: Promise<string> } {
  const started = performance.now();
  let req: http.ClientRequest | undefined;
  let resolveText: (s: string) => void = () => {};
  const text = new Promise<string>((r) => {
    resolveText = r;
  });
  const done = new Promise<Answer>((resolve) => {
    const answer: Answer = { status: 0, bytes: 0, ms: 0, headersAt: Number.NaN, contentType: '' };
    const finish = (error?: string) => {
      if (answer.ms) return;
      answer.ms = performance.now() - started;
      if (error) answer.error = error;
      resolve(answer);
    };
    req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: o.path,
        method: o.method ?? 'GET',
        headers: {
          ...(o.body ? { 'content-type': 'application/json', origin: base.origin } : {}),
          ...o.headers,
        },
        ...(o.agent !== undefined ? { agent: o.agent } : {}),
        ...(o.localAddress ? { localAddress: o.localAddress } : {}),
      },
      (res) => {
        answer.status = res.statusCode ?? 0;
        answer.headersAt = performance.now();
        answer.contentType = String(res.headers['content-type'] ?? '');
        const kept: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          answer.bytes += chunk.length;
          if (o.keep) kept.push(chunk);
        });
        res.on('end', () => {
          resolveText(Buffer.concat(kept).toString());
          finish();
        });
        res.on('error', (e) => finish(e.message));
        res.on('aborted', () => finish('aborted'));
      },
    );
    req.on('error', (e) => finish(e.message));
    req.end(o.body);
  });
  return { done, text, abort: () => req?.destroy() };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with `p`, or with `fallback` after `ms`. */
const within = <T>(p: Promise<T>, ms: number, fallback: T) =>
  Promise.race([p, sleep(ms).then(() => fallback)]);

/** A server for one scenario, with its RSS sampled from the start; `stop` gives the peak. */
async function freshServer(dbFile: string) {
  const server = await startServer(dbFile, { PTCE_DEMO: '0' });
  const pid = server.child.pid!;
  const rss = sampleRss(pid, 20);
  let exited: string | null = null;
  server.child.once('exit', (code, signal) => {
    exited = signal ? `killed by ${signal}` : `exited ${code}`;
  });
  // Never left behind, even when the benchmark fails.
  const kill = () => server.child.kill('SIGKILL');
  process.once('exit', kill);
  const base = new URL(server.url);
  const login = async (email: string, password: string, localAddress?: string) => {
    const r = send(base, {
      path: '/api/session',
      method: 'POST',
      body: JSON.stringify({ email, password }),
      agent: false,
      ...(localAddress ? { localAddress } : {}),
    });
    return r.done;
  };
  const cookieOf = async (email: string, password: string) => {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return res.headers.get('set-cookie')!.split(';')[0]!;
  };
  return {
    server,
    base,
    login,
    cookieOf,
    /** Why the server ended during the scenario, or null while it runs. */
    exited: () => exited,
    stop: async () => {
      const peak = rss.stop();
      process.off('exit', kill);
      const stopped = server.stop();
      if (
        (await within(
          stopped.then(() => true),
          10_000,
          false,
        )) === false
      ) {
        server.child.kill('SIGKILL');
        await stopped;
      }
      return peak;
    },
  };
}

/**
 * One client sending `path` every `everyMs` whatever the previous answers do (an open loop, so
 * that a stalled server cannot hide its stall by slowing the client down).
 */
function steadyClient(base: URL, path: string, cookie: string, everyMs: number) {
  const agent = new http.Agent({ keepAlive: true });
  const sent: Array<{ at: number; done: Promise<Answer> }> = [];
  const t0 = performance.now();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = (i: number) => {
    if (stopped) return;
    sent.push({
      at: performance.now(),
      done: send(base, { path, headers: { cookie }, agent }).done,
    });
    timer = setTimeout(() => tick(i + 1), Math.max(0, t0 + (i + 1) * everyMs - performance.now()));
  };
  tick(0);
  return {
    /** Stops sending; resolves with the answers sent in [from, to), unanswered after DRAIN_MS as null. */
    stop: async (from: number, to: number) => {
      stopped = true;
      clearTimeout(timer);
      const counted = sent.filter((s) => s.at >= from && s.at < to);
      const answers = await Promise.all(counted.map((s) => within(s.done, DRAIN_MS, null)));
      agent.destroy();
      return answers;
    },
  };
}

/** `n` clients each asking for `path` again as soon as it has read the previous answer whole. */
function heavyClients(base: URL, path: string, cookie: string, n: number) {
  const agent = new http.Agent({ keepAlive: true });
  const answers: Answer[] = [];
  const inFlight = new Set<Sent>();
  let stopped = false;
  const loops = Array.from({ length: n }, async () => {
    while (!stopped) {
      const r = send(base, {
        path,
        headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' },
        agent,
      });
      inFlight.add(r);
      const a = await r.done;
      inFlight.delete(r);
      if (stopped) break;
      answers.push(a);
      if (a.status !== 200 || a.error) await sleep(HEAVY_PAUSE_MS);
    }
  });
  return {
    answers,
    stop: async () => {
      stopped = true;
      for (const r of inFlight) r.abort();
      await Promise.all(loops);
      agent.destroy();
    },
  };
}

/** "200: n, 429: n, 503: n" of answers, then other statuses and transport errors when any. */
function byStatus(answers: Pick<Answer, 'status' | 'error'>[], statuses: number[]): string {
  const counts = new Map<string, number>(statuses.map((s) => [String(s), 0]));
  for (const a of answers) {
    const key = a.error && !a.status ? `error (${a.error})` : String(a.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k}: ${n}`).join(', ');
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
/** A time, or "≥ DRAIN_MS" for one that stands for an unanswered request. */
const at = (v: number) => (v >= DRAIN_MS ? `≥ ${DRAIN_MS}` : ms(v));

/** " — n of m not served (reason ×k, …)" for the answers that are not a 200, or "". */
function failures(answers: Array<Answer | null>): string {
  const reasons = new Map<string, number>();
  for (const a of answers) {
    if (a && a.status === 200 && !a.error) continue;
    const why = !a ? `unanswered after ${DRAIN_MS / 1000} s` : (a.error ?? `status ${a.status}`);
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  if (reasons.size === 0) return '';
  const n = [...reasons.values()].reduce((x, y) => x + y, 0);
  return ` — ${n} of ${answers.length} not served (${[...reasons].map(([w, k]) => `${w} ×${k}`).join(', ')})`;
}
const ratio = (value: number, goal: number) => `${(value / goal).toFixed(2)}×`;

/** The heavy answers of the table: what 20 clients ask for, in a loop. */
function heavyPaths(to: string) {
  const year = Number(to.slice(0, 4));
  // The four quarters that end with `to`.
  const from4 = quarterFromIndex(quarterIndex(to) - 3);
  return [
    {
      name: 'xlsx exports (one region’s poles, pole level, 4 quarters)',
      path: `/api/exports/values?format=xlsx&level=pole&region=R01&from=${from4}&to=${to}`,
    },
    {
      name: 'region csv-fr exports by quarter (every pole, 3 years)',
      path: `/api/exports/values?format=csv-fr&level=region&by=quarter&from=${year - 2}Q1&to=${to}`,
    },
    {
      name: 'long histories (pole-001, limit=5000)',
      path: '/api/poles/pole-001/history?limit=5000',
    },
  ];
}

/** Creates an account when the dataset lacks it (an existing one is kept as it is). */
async function ensureAccount(
  url: string,
  admin: string,
  a: { email: string; password: string; name: string; pole: string },
) {
  const res = await fetch(`${url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie: admin },
    body: JSON.stringify({
      email: a.email,
      password: a.password,
      name: a.name,
      memberships: [{ role: 'coordinator', pole: a.pole }],
    }),
  });
  if (res.status !== 201 && res.status !== 200 && res.status !== 409)
    throw new Error(`creating ${a.email}: ${res.status} ${await res.text()}`);
}

/**
 * Gives pole-001 at least 5 000 history entries (grid saves by a coordinator of it), so that
 * the history scenario reads 5 000 of them on any dataset; one that went through `pnpm bench`
 * has them already.
 */
async function ensureHistory(s: Awaited<ReturnType<typeof freshServer>>, admin: string) {
  const url = s.server.url;
  const count = async () =>
    (
      (await (
        await fetch(`${url}/api/poles/pole-001/history?limit=5000`, { headers: { cookie: admin } })
      ).json()) as { history: unknown[] }
    ).history.length;
  let n = await count();
  if (n >= 5000) return;
  const seeder = {
    email: 'history@poles.bench',
    password: 'bench-history-password',
    name: 'Historique',
    pole: 'pole-001',
  };
  await ensureAccount(url, admin, seeder);
  const cookie = await s.cookieOf(seeder.email, seeder.password);
  const cells = await gridCells(url, cookie, 'pole-001');
  const save = gridWriter({ url, cookie, cells, period: '2026Q4' });
  while (n < 5000) {
    await save('pole-001');
    n += cells.length;
  }
}

/** The cheap request while `heavy` (or nothing) loads the server: one row of the table. */
async function cheapScenario(
  o: FairnessOptions,
  heavy: { name: string; path: string } | null,
): Promise<string> {
  const s = await freshServer(o.dbFile);
  try {
    const admin = await s.cookieOf(BENCH_ADMIN.email, BENCH_ADMIN.password);
    const other = await s.cookieOf(OTHER.email, OTHER.password);
    let alone = '';
    if (heavy) {
      // Twice alone, the second timed (the first loads and compiles the code behind it).
      for (let i = 0; i < 2; i++) {
        const a = await send(s.base, {
          path: heavy.path,
          headers: { cookie: admin, 'accept-encoding': 'gzip, deflate, br, zstd' },
        }).done;
        if (a.status !== 200) {
          alone = `alone: ${a.error ?? `status ${a.status}`}`;
          break;
        }
        alone = `${(a.bytes / 1e6).toFixed(2)} MB in ${ms(a.ms)} ms alone`;
      }
    }
    const lag = monitorEventLoopDelay({ resolution: 10 });
    const load = heavy ? heavyClients(s.base, heavy.path, admin, HEAVY_CLIENTS) : null;
    const cheap = steadyClient(s.base, '/api/session', other, CHEAP_EVERY_MS);
    const from = performance.now() + o.warmUp * 1000;
    const to = from + o.seconds * 1000;
    await sleep(o.warmUp * 1000);
    lag.enable();
    await sleep(o.seconds * 1000);
    lag.disable();
    // The heavy clients keep loading until every counted cheap request has its answer.
    const answers = await cheap.stop(from, to);
    const counted = load?.answers.filter((a) => a.headersAt >= from && a.headersAt < to) ?? [];
    const downloads = counted.filter((a) => a.status === 200 && !a.error).length;
    await load?.stop();
    const exited = s.exited();
    const peak = await s.stop();
    // A request unanswered, refused or failed counts as unanswered: DRAIN_MS, a lower bound.
    const served = (a: Answer | null): a is Answer => !!a && a.status === 200 && !a.error;
    const times = answers.map((a) => (served(a) ? a.ms : DRAIN_MS));
    const p99 = percentile(times, 99);
    const heavyCell = heavy
      ? `${heavy.name}: ${alone}; ${byStatus(counted, [200, 429, 503])}; ${(downloads / o.seconds).toFixed(2)} downloads/s`
      : 'idle (baseline)';
    return `| ${heavyCell} | ${at(percentile(times, 50))} | ${at(p99)} | ${at(Math.max(...times))} | ${ratio(p99, GOAL.cheapP99)}${failures(answers)} | ${peak.toFixed(0)} MB, ${ratio(peak, GOAL.rssMb)} | ${(lag.percentile(99) / 1e6).toFixed(0)} ms |${exited ? ` **server ${exited}**` : ''}`;
  } catch (err) {
    await s.stop();
    throw err;
  }
}

/** The login flood with the legitimate requests measured during it: its table. */
async function floodScenario(o: FairnessOptions): Promise<string[]> {
  const s = await freshServer(o.dbFile);
  const lines: string[] = [];
  try {
    const index = await (await fetch(`${s.server.url}/`)).text();
    const asset = /\/assets\/[\w.-]+\.js/.exec(index)?.[0];
    if (!asset) throw new Error('no /assets/*.js in index.html');
    const probe = () => {
      // Each on a new connection: a kept-alive one could meet the server's idle timeout.
      const legit = { localAddress: LEGIT_ADDRESS, agent: false as const };
      return Promise.all([
        s.login(OTHER.email, OTHER.password, LEGIT_ADDRESS),
        send(s.base, { path: '/', ...legit }).done,
        send(s.base, { path: asset, headers: { 'accept-encoding': 'gzip' }, ...legit }).done,
      ]);
    };
    // Idle first, on the same server: the warm-up and the baseline.
    const idle: Answer[][] = [];
    for (let i = 0; i < 6; i++) idle.push(await probe());
    for (const [a, what] of [
      [idle[0]![0]!, 'legitimate login'],
      [idle[0]![2]!, asset],
    ] as const)
      if (a.status !== 200) throw new Error(`${what} before the flood: ${a.status}`);

    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    // The flood comes from another process (bench/login-flood.ts), as from other machines: the
    // legitimate user's client does not share its event loop with the attacker's 1 000 clients.
    const flood = spawn(
      process.execPath,
      [
        ...process.execArgv,
        path.join(import.meta.dirname, 'login-flood.ts'),
        s.server.url,
        String(o.seconds),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let floodOut = '';
    flood.stdout!.on('data', (d: Buffer) => {
      floodOut += d.toString();
    });
    const floodDone = new Promise<void>((r) => flood.once('exit', () => r()));
    while (!floodOut.includes('started\n')) {
      if (flood.exitCode !== null) throw new Error('the login flood process ended before starting');
      await sleep(20);
    }
    const started = performance.now();
    // Probes from another address every 500 ms (one round at a time) while the flood lasts.
    await sleep(200);
    const rounds: Array<Array<Answer | null>> = [];
    while (performance.now() - started < o.seconds * 1000) {
      const round = performance.now();
      rounds.push(await within<Array<Answer | null>>(probe(), DRAIN_MS, [null, null, null]));
      await sleep(Math.max(0, 500 - (performance.now() - round)));
    }
    await floodDone;
    const report = JSON.parse(floodOut.trim().split('\n').at(-1)!) as FloodReport;
    const floodSeconds = report.seconds;
    const unanswered = report.unanswered;
    const floodAnswers = report.answers;
    lag.disable();
    const exited = s.exited();
    const peak = await s.stop();

    lines.push(
      `\n| during a login flood (${FLOOD.logins.toLocaleString('fr-FR')} logins in flight from ${FLOOD.addresses} addresses, ${floodSeconds.toFixed(0)} s), ${rounds.length} round${rounds.length === 1 ? '' : 's'} of probes | idle ms | p50 ms | max ms | max ÷ goal |`,
    );
    lines.push('|---|---|---|---|---|');
    const row = (name: string, i: number, goal: number) => {
      const answers = rounds.map((r) => r[i] ?? null);
      const times = answers.map((a) => (a && a.status === 200 && !a.error ? a.ms : DRAIN_MS));
      const idleMs = percentile(
        idle.slice(1).map((r) => r[i]!.ms),
        50,
      );
      const max = Math.max(...times);
      lines.push(
        `| ${name} (goal < ${goal} ms) | ${ms(idleMs)} | ${at(percentile(times, 50))} | ${at(max)} | ${ratio(max, goal)}${failures(answers)} |`,
      );
    };
    row(`legitimate login (right password, ${LEGIT_ADDRESS})`, 0, GOAL.login);
    row('GET / (the app’s page)', 1, GOAL.page);
    row(`GET ${asset}`, 2, GOAL.page);
    lines.push(
      `\nflood answers: ${byStatus(floodAnswers, [401, 429, 503])}; ${unanswered} unanswered when it stopped (${(floodAnswers.length / floodSeconds).toFixed(0)} answers/s); bench event-loop delay p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`,
    );
    lines.push(
      `server RSS peak during the flood: ${peak.toFixed(0)} MB → ${ratio(peak, GOAL.rssMb)} (goal < ${GOAL.rssMb} MB)${exited ? ` — **server ${exited}**` : ''}`,
    );
    return lines;
  } catch (err) {
    await s.stop();
    throw err;
  }
}

/** Runs every scenario and prints the table through `o.out`. */
export async function fairness(o: FairnessOptions): Promise<void> {
  {
    const s = await freshServer(o.dbFile);
    try {
      const admin = await s.cookieOf(BENCH_ADMIN.email, BENCH_ADMIN.password);
      await ensureAccount(s.server.url, admin, { ...OTHER, name: 'Autre compte' });
      await ensureHistory(s, admin);
    } finally {
      await s.stop();
    }
  }
  o.out(
    `\n| fairness: GET /api/session (${OTHER.email}) every ${CHEAP_EVERY_MS} ms while ${HEAVY_CLIENTS} clients (${BENCH_ADMIN.email}) pull… | p50 ms | p99 ms | max ms | p99 ÷ goal (${GOAL.cheapP99} ms) | server RSS peak ÷ goal (${GOAL.rssMb} MB) | bench event-loop delay p99 |`,
  );
  o.out('|---|---|---|---|---|---|---|');
  o.out(await cheapScenario(o, null));
  for (const heavy of heavyPaths(o.to)) o.out(await cheapScenario(o, heavy));
  for (const line of await floodScenario(o)) o.out(line);
}

/** How to read the fairness table, for RESULTS.md. */
export const fairnessReading = (
  seconds: number,
  warmUp: number,
) => `- Fairness: each scenario on a fresh server (production Node flags). The cheap request is
  \`GET /api/session\` of another account (${OTHER.email}, coordinator of ${OTHER.pole}) sent every
  ${CHEAP_EVERY_MS} ms whatever the answers do (an open loop: a stalled server cannot slow the client
  down and hide its stall), for ${seconds} s after ${warmUp} s not counted; requests sent in
  the window are waited for (up to ${DRAIN_MS / 1000} s) while the load goes on. The ${HEAVY_CLIENTS}
  heavy clients all use the bench admin's session (a region export needs an admin or a CRESS),
  read each answer to its last byte and ask again at once (${HEAVY_PAUSE_MS} ms after a refusal or an
  error); their answers are counted by status when their headers come in the window, downloads/s
  are the 200s completed. The heavy answer's size and time alone (second of two requests) are in
  its cell. The RSS peak is the server process's (its worker threads included) over the whole
  scenario, sampled every 20 ms.
- Login flood: ${FLOOD.logins} clients, ${FLOOD.logins / FLOOD.addresses} from each of ${FLOOD.addresses} loopback addresses (127.0.0.2–127.0.0.${1 + FLOOD.addresses},
  the http agent's \`localAddress\`), each posting an unknown e-mail and a wrong password and, once
  answered, again ${FLOOD.resendAfterMs / 1000} s later, for the window; from ${LEGIT_ADDRESS}, every 500 ms, a round of a
  legitimate login (the other account's right password), \`GET /\` and the first script of
  index.html, each on a new connection, measured from sending to the last byte; idle = the
  median of 5 rounds before the flood. A request still unanswered after ${DRAIN_MS / 1000} s counts ${DRAIN_MS / 1000} s.
- _bench event-loop delay_ is the benchmark process's own: a large one would mean the client, not
  the server, delayed the answers.
`;
