import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { currentQuarter } from '@ptce/shared/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, integrityCheck, readCells, readTables } from '../support/database-file';
import { api, login } from '../support/http-client';
import { ROOT, type RunningServer, startServer, tempDbFile } from '../support/start-server';
import { GROWING_CELLS, ValueWriter } from '../support/value-writer';

const POLE = 'henin-carvin';
const COORDINATOR = 'coordination@henin-carvin.demo';
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

let dbFile: string;
let server: RunningServer | undefined;

beforeAll(() => {
  dbFile = tempDbFile('ptce-backup-');
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(path.dirname(path.dirname(dbFile)), { recursive: true, force: true });
});

/** Runs `pnpm <name> <args>` as the root package.json declares it (tsx run by this Node). */
function runScript(name: 'backup' | 'restore', args: string[]) {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
  const [bin, ...scriptArgs] = (scripts[name] as string).split(' ');
  expect(bin).toBe('tsx');
  const child = spawn(process.execPath, [TSX_CLI, ...scriptArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, PTCE_DB: dbFile },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

/** Waits until `check()` holds; fails after 20 s or as soon as the writer got an error. */
const until = async (writer: ValueWriter, check: () => boolean) => {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    expect(writer.errors).toEqual([]);
    if (Date.now() > deadline) throw new Error('the writer made no progress');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const versionsOf = (cells: Map<string, { version: number }>, period: string) =>
  GROWING_CELLS.map(
    (c) => cells.get(cellKey(POLE, c.scope, c.indicator, period, ''))?.version ?? 0,
  );

describe('pnpm backup and pnpm restore', () => {
  it('backs up a running server under writes, refuses to restore under it, and round-trips every table', async () => {
    server = await startServer(dbFile, { PTCE_DEMO: '1' });
    const password = server.passwords.get(COORDINATOR)!;
    const period = currentQuarter(new Date());
    const writer = new ValueWriter({
      pole: POLE,
      period,
      cells: GROWING_CELLS,
      lanes: 2,
      batch: 2,
    });
    writer.start(server.url, await login(server.url, COORDINATOR, password));
    await until(writer, () => writer.ackedRequests >= 20);

    const ackedBefore = GROWING_CELLS.map(
      (c) => writer.acked.get(`${c.scope}|${c.indicator}|`)?.version ?? 0,
    );
    const requestsBefore = writer.ackedRequests;
    const backupFile = path.join(path.dirname(path.dirname(dbFile)), 'saves', 'ptce.sqlite');
    const backup = await runScript('backup', [backupFile]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`backup of ${dbFile} written to ${backupFile}`);
    const ackedAfter = GROWING_CELLS.map(
      (c) => writer.acked.get(`${c.scope}|${c.indicator}|`)?.version ?? 0,
    );
    expect(writer.ackedRequests, 'the server kept saving during the backup').toBeGreaterThan(
      requestsBefore,
    );

    const refused = await runScript('restore', [backupFile]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is in use (is the server running?)');
    expect(
      fs.readdirSync(path.dirname(dbFile)).filter((f) => f.includes('before-restore')),
    ).toEqual([]);

    const afterBackup = writer.ackedRequests;
    await until(writer, () => writer.ackedRequests >= afterBackup + 10);
    await writer.stop();
    expect(writer.errors).toEqual([]);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;

    // The backup is one consistent state between the writes acknowledged before it began and
    // those sent before it ended (one batch per lane may be in flight).
    expect(fs.readdirSync(path.dirname(backupFile))).toEqual(['ptce.sqlite']);
    expect(await integrityCheck(backupFile)).toEqual(['ok']);
    const inBackup = await readCells(backupFile);
    expect(inBackup.problems).toEqual([]);
    const backedUp = versionsOf(inBackup.cells, period);
    backedUp.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(ackedBefore[i]!);
      expect(v).toBeLessThanOrEqual(ackedAfter[i]! + 1);
    });
    const final = GROWING_CELLS.map((c) => writer.acked.get(`${c.scope}|${c.indicator}|`)!.version);
    expect(versionsOf((await readCells(dbFile)).cells, period)).toEqual(final);
    expect(final).not.toEqual(backedUp);

    const restore = await runScript('restore', [backupFile]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const previous = /previous database kept as (\S+)/.exec(restore.stdout)?.[1];
    expect(previous).toMatch(/ptce-suivi\.sqlite\.before-restore-\d{8}T\d{6}Z$/);
    expect(await integrityCheck(previous!)).toEqual(['ok']);
    expect(versionsOf((await readCells(previous!)).cells, period)).toEqual(final);

    // No reminders: the restarted server's notification job would write its own rows (and move
    // SQLite's counters) before the tables are compared with the backup's.
    server = await startServer(dbFile, {
      PTCE_DEMO: '1',
      PTCE_REMIND_BEFORE_DAYS: '0',
      PTCE_REMIND_OVERDUE_MAX: '0',
    });
    expect(server.passwords.size).toBe(0);
    const restored = await readTables(dbFile);
    const expected = await readTables(backupFile);
    expect(Object.keys(restored)).toEqual(Object.keys(expected));
    for (const table of Object.keys(expected))
      expect(restored[table], table).toEqual(expected[table]);
    expect(expected.value_history!.length).toBeGreaterThan(1000);

    const values = await api(
      server.url,
      await login(server.url, COORDINATOR, password),
      'GET',
      `/api/poles/${POLE}/values?from=${period}&to=${period}`,
    );
    expect(values.status).toBe(200);
    const served = new Map(
      (values.body.values as Array<{ scope: string; indicator: string; version: number }>).map(
        (v) => [cellKey(POLE, v.scope, v.indicator, period, ''), v],
      ),
    );
    expect(versionsOf(served, period)).toEqual(backedUp);
  }, 90_000);
});
