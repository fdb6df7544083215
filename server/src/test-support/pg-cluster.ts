import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's server binaries
 * (`/usr/lib/postgresql/<n>/bin`, installed with apt when missing and running as root), `initdb`
 * and `pg_ctl` as the `postgres` user when running as root (PostgreSQL refuses root), on a free
 * port of 127.0.0.1 in a temporary folder, with no durability to speed up tests
 * (`durable: true` keeps fsync on, for the crash-safety checks of a benchmark).
 */
export interface Cluster {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`: the superuser on the maintenance database. */
  url: string;
  port: number;
  dir: string;
  stop: () => void;
}

function findBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

/** The server binaries' folder; installs Debian's `postgresql` when missing and root. */
function postgresBinDir(): string {
  const found = findBinDir();
  if (found) return found;
  if (process.getuid?.() !== 0)
    throw new Error(
      'PostgreSQL server binaries are missing: run "sudo apt-get install -y postgresql" or set PTCE_TEST_DATABASE_URL',
    );
  const apt = {
    stdio: 'inherit' as const,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  };
  spawnSync('apt-get', ['update', '-qq'], apt);
  const res = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], apt);
  const after = findBinDir();
  if (res.status !== 0 || !after) throw new Error('apt-get install -y postgresql failed');
  return after;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startCluster(opts: { durable?: boolean } = {}): Promise<Cluster> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    const res = spawnSync(file as string, argv as string[], { encoding: 'utf8', cwd: dir });
    if (res.status !== 0)
      throw new Error(`${cmd} failed (${res.status}): ${res.stderr || res.stdout}`);
    return res.stdout;
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=400',
    '-c shared_buffers=128MB',
    ...(opts.durable
      ? []
      : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
