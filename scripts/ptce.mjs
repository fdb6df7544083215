#!/usr/bin/env node
// The newcomer's entry point, with no dependency but Node 20 and npm:
//   node scripts/ptce.mjs start   install, build, start the app (npm start)
//   node scripts/ptce.mjs test    install, lint, typecheck, build, run every test (npm test)
// It brings pnpm 12.4.2 when missing and tells node-gyp where Node's headers are, so that
// better-sqlite3 compiles without downloading anything.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from './server-flags.mjs';

const PNPM_VERSION = '12.4.2';
// The server's V8 heap and helper threads (server-flags.mjs), as the tests' servers have them.
const SERVER_NODE_FLAGS = serverNodeFlags();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node.h'))
  env.npm_config_nodedir = '/usr';

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  return ['npx', '-y', `pnpm@${PNPM_VERSION}`];
}

const pnpm = pnpmCommand();

function run(args, options = {}) {
  const [cmd, ...pre] = [...pnpm, ...args];
  console.log(`\n> pnpm ${args.join(' ')}`);
  const res = spawnSync(cmd, pre, { cwd: root, stdio: 'inherit', env, ...options });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

function install() {
  run(['install', '--frozen-lockfile']);
}

/** The browser tests need Debian's Chromium; as root (CI) it is installed when missing. */
function ensureChromium() {
  if (process.env.PTCE_CHROMIUM || fs.existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) {
    console.error(
      'Chromium is missing: run "sudo apt-get install -y chromium" (or set PTCE_CHROMIUM).',
    );
    process.exit(1);
  }
  console.log('\n> apt-get install -y chromium');
  const apt = { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
  spawnSync('apt-get', ['update', '-qq'], apt);
  const res = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], apt);
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const command = process.argv[2];
if (command === 'start') {
  install();
  run(['run', 'build']);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'server/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
} else if (command === 'test') {
  install();
  run(['run', 'lint']);
  run(['run', 'typecheck']);
  run(['run', 'build']);
  ensureChromium();
  run(['exec', 'vitest', 'run', ...process.argv.slice(3)]);
} else {
  console.error('usage: node scripts/ptce.mjs start|test [vitest args]');
  process.exit(2);
}
