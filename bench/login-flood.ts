// The login flood of the fairness benchmark, in a process of its own (bench/fairness.ts starts
// it): FLOOD.logins clients, spread over FLOOD.addresses loopback addresses, each posting an
// unknown e-mail and a wrong password and, once answered, again FLOOD.resendAfterMs later, for
// the given seconds. Prints "started" when the first requests are sent, then a FloodReport.
//   tsx bench/login-flood.ts <server url> <seconds>
import http from 'node:http';
import { FLOOD, type FloodReport, send, sleep } from './fairness';

const [url, seconds] = process.argv.slice(2);
const base = new URL(url!);
const agents = Array.from(
  { length: FLOOD.addresses },
  (_, i) =>
    new http.Agent({
      keepAlive: true,
      maxSockets: FLOOD.logins / FLOOD.addresses,
      localAddress: `127.0.0.${2 + i}`,
    }),
);
const answers: FloodReport['answers'] = [];
const inFlight = new Set<ReturnType<typeof send>>();
let stopped = false;
const started = performance.now();
const clients = Array.from({ length: FLOOD.logins }, async (_, i) => {
  for (let k = 0; !stopped; k++) {
    const r = send(base, {
      path: '/api/session',
      method: 'POST',
      body: JSON.stringify({ email: `flood-${i}-${k}@unknown.bench`, password: 'not-a-password' }),
      agent: agents[i % FLOOD.addresses]!,
    });
    inFlight.add(r);
    const a = await r.done;
    inFlight.delete(r);
    if (stopped) break;
    answers.push({ status: a.status, ...(a.error ? { error: a.error } : {}) });
    await sleep(FLOOD.resendAfterMs);
  }
});
process.stdout.write('started\n');
await sleep(Number(seconds) * 1000);
stopped = true;
const unanswered = inFlight.size;
for (const r of inFlight) r.abort();
await Promise.all(clients);
for (const a of agents) a.destroy();
const report: FloodReport = {
  answers,
  unanswered,
  seconds: (performance.now() - started) / 1000,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
