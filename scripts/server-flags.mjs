// The server's Node flags, for `npm start` (scripts/ptce.mjs), the tests' and benches' servers
// (tests/support/start-server.ts) and docs/deploy.md. Plain JavaScript: ptce.mjs runs before
// anything is installed.
import os from 'node:os';

/**
 * - A small young generation and a capped old space keep the process under the 200 MB of
 *   DESIGN.md while staying fast (`pnpm bench`: RSS peak ~150 MB under 50-connection load and a
 *   national export).
 * - V8's helper threads (concurrent marking, parallel scavenges) one fewer than the cores, at
 *   most V8's default of 4: on 2 cores its 4 helpers took ~40% of the server's CPU during grid
 *   saves, competing with the request thread and the database; with 1, a grid save's p99 fell
 *   ~20% on both engines (docs/decisions.md, "V8's helper threads").
 * @param {number} [cores] the cores available (os.availableParallelism())
 * @returns {string[]}
 */
export function serverNodeFlags(cores = os.availableParallelism()) {
  const helpers = Math.min(4, Math.max(1, cores - 1));
  return ['--max-semi-space-size=8', '--max-old-space-size=128', `--v8-pool-size=${helpers}`];
}
