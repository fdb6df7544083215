import type { Dimension, Indicator } from '@ptce/shared/catalogue.schema';
import { currentQuarter } from '@ptce/shared/periods';
import type { Scope } from '@ptce/shared/poles.schema';
import { allowedSlices } from '@ptce/shared/slices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellKey, readCells } from '../support/database-file';
import { api, login } from '../support/http-client';
import {
  type RunningServer,
  removeTestDatabase,
  startServer,
  tempDbFile,
} from '../support/start-server';

const POLE = 'henin-carvin';
const CELLS = 200;
const REQUESTS = 1000;
const BATCH = 5;
/** Requests each client keeps in flight. */
const LANES = 2;
/** Values race freely: consistency errors are overridden, versions alone decide. */
const REASON = 'test de concurrence';
const SECOND = { email: 'coordination2@henin-carvin.demo', password: 'une-seconde-coordination' };

interface Cell {
  scope: string;
  indicator: string;
  slice: string;
}
interface Accepted {
  client: string;
  value: number;
  version: number;
}
interface ConflictIssue {
  scope: string;
  indicator: string;
  slice: string;
  yourVersion: number;
  current: { value: number | null; version: number } | null;
}
const keyOf = (c: { scope: string; indicator: string; slice?: string }) =>
  `${c.scope}|${c.indicator}|${c.slice ?? ''}`;

let server: RunningServer;
let dbFile: string;

beforeAll(async () => {
  dbFile = tempDbFile('ptce-races-');
  server = await startServer(dbFile, { PTCE_DEMO: '1' });
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  if (dbFile) await removeTestDatabase(dbFile);
});

/** `CELLS` cells of the pole spread over its scopes, indicators and slices (ratios excepted). */
async function pickCells(cookie: string): Promise<Cell[]> {
  const pole = (await api(server.url, cookie, 'GET', `/api/poles/${POLE}`)).body;
  const catalogue = (await api(server.url, cookie, 'GET', '/api/catalogue')).body;
  const scopes = pole.scopes as Scope[];
  const groups = scopes.filter((s) => s.kind === 'group').map((s) => s.slug);
  const indicators = new Map((catalogue.indicators as Indicator[]).map((i) => [i.code, i]));
  const all = scopes.flatMap((s) =>
    s.indicators
      .map((code) => indicators.get(code)!)
      .filter((i) => i.kind !== 'ratio')
      .flatMap((i) =>
        allowedSlices(i, catalogue.dimensions as Dimension[], groups).map((slice) => ({
          scope: s.slug,
          indicator: i.code,
          slice,
        })),
      ),
  );
  const step = Math.floor(all.length / CELLS);
  return all.filter((_, i) => i % step === 0).slice(0, CELLS);
}

describe('two editors racing on the same values', () => {
  it(`loses no update among ${REQUESTS} concurrent batches on ${CELLS} cells`, async () => {
    const admin = await login(
      server.url,
      'admin@ptce-suivi.demo',
      server.passwords.get('admin@ptce-suivi.demo')!,
    );
    const created = await api(server.url, admin, 'POST', '/api/users', {
      ...SECOND,
      name: 'Seconde coordination',
      memberships: [{ role: 'coordinator', pole: POLE }],
    });
    expect(created.status).toBe(201);
    const clients = [
      {
        name: 'A',
        cookie: await login(
          server.url,
          'coordination@henin-carvin.demo',
          server.passwords.get('coordination@henin-carvin.demo')!,
        ),
      },
      { name: 'B', cookie: await login(server.url, SECOND.email, SECOND.password) },
    ];
    const cells = await pickCells(clients[0]!.cookie);
    expect(cells).toHaveLength(CELLS);
    const period = currentQuarter(new Date());

    const accepted = new Map<string, Accepted[]>(cells.map((c) => [keyOf(c), []]));
    const conflicts: Array<{ client: string; issue: ConflictIssue }> = [];
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    let sent = 0;
    let nextValue = 1;

    async function lane(
      client: { name: string; cookie: string },
      known: Map<string, number>,
      retries: Cell[][],
    ) {
      while (sent < REQUESTS) {
        sent++;
        const batch =
          retries.shift() ??
          [...new Set(Array.from({ length: BATCH }, () => Math.floor(Math.random() * CELLS)))].map(
            (i) => cells[i]!,
          );
        const entries = batch.map((c) => ({
          ...c,
          value: nextValue++,
          version: known.get(keyOf(c)) ?? 0,
          overrideReason: REASON,
        }));
        const res = await api(server.url, client.cookie, 'PUT', `/api/poles/${POLE}/values`, {
          period,
          entries,
        });
        const tag = `${client.name} ${res.status}`;
        statuses[tag] = (statuses[tag] ?? 0) + 1;
        if (res.status === 200) {
          const saved = new Map(
            (res.body.saved as Array<Cell & Accepted>).map((s) => [keyOf(s), s]),
          );
          if (saved.size !== entries.length || res.body.unchanged !== 0)
            failures.push(`saved ${JSON.stringify(res.body)}`);
          for (const e of entries) {
            const s = saved.get(keyOf(e));
            if (s?.value !== e.value || s.version !== e.version + 1)
              failures.push(
                `${client.name} sent ${keyOf(e)} v${e.version}, saved ${JSON.stringify(s)}`,
              );
            else {
              accepted
                .get(keyOf(e))!
                .push({ client: client.name, value: s.value, version: s.version });
              known.set(keyOf(e), Math.max(known.get(keyOf(e)) ?? 0, s.version));
            }
          }
        } else if (res.status === 409 && res.body.error?.code === 'CONFLICT') {
          for (const issue of res.body.error.issues as ConflictIssue[]) {
            conflicts.push({ client: client.name, issue });
            const e = entries.find((x) => keyOf(x) === keyOf(issue));
            if (
              !e ||
              issue.yourVersion !== e.version ||
              !issue.current ||
              issue.current.version <= e.version
            )
              failures.push(
                `${client.name} conflict ${JSON.stringify(issue)} for ${JSON.stringify(e)}`,
              );
            known.set(
              keyOf(issue),
              Math.max(known.get(keyOf(issue)) ?? 0, issue.current?.version ?? 0),
            );
          }
          retries.push(batch);
        } else failures.push(`${tag} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }

    const started = Date.now();
    await Promise.all(
      clients.flatMap((client) => {
        const known = new Map<string, number>();
        const retries: Cell[][] = [];
        return Array.from({ length: LANES }, () => lane(client, known, retries));
      }),
    );
    const seconds = (Date.now() - started) / 1000;

    // On a failure, what the server logged (a 500's error) comes with it.
    const logged =
      failures.length > 0
        ? server
            .output()
            .split('\n')
            .filter((l) => l.includes('failed'))
        : [];
    expect(failures, logged.slice(0, 5).join('\n')).toEqual([]);
    expect(Object.keys(statuses).sort()).toEqual(['A 200', 'A 409', 'B 200', 'B 409']);
    expect(Object.values(statuses).reduce((a, b) => a + b)).toBe(REQUESTS);

    // Per cell, the accepted writes hold versions 1…n exactly once: nobody overwrote a version
    // they had not seen; every conflict named a version that some accepted write had produced.
    for (const [key, writes] of accepted) {
      const versions = writes.map((w) => w.version).sort((a, b) => a - b);
      expect(versions, key).toEqual(versions.map((_, i) => i + 1));
    }
    for (const { issue } of conflicts) {
      const write = accepted.get(keyOf(issue))!.find((w) => w.version === issue.current!.version);
      expect(write?.value, JSON.stringify(issue)).toBe(issue.current!.value);
    }

    const reader = clients[1]!.cookie;
    const values = await api(
      server.url,
      reader,
      'GET',
      `/api/poles/${POLE}/values?from=${period}&to=${period}`,
    );
    expect(values.status).toBe(200);
    const stored = new Map(
      (values.body.values as Array<Cell & Accepted>).map((v) => [keyOf(v), v]),
    );
    const { cells: inDb, problems } = await readCells(dbFile);
    expect(problems).toEqual([]);
    for (const c of cells) {
      const writes = accepted.get(keyOf(c))!.sort((a, b) => a.version - b.version);
      const last = writes.at(-1);
      const s = stored.get(keyOf(c));
      expect(s && { value: s.value, version: s.version }, keyOf(c)).toEqual(
        last && { value: last.value, version: last.version },
      );
      const history = inDb.get(cellKey(POLE, c.scope, c.indicator, period, c.slice))?.history ?? [];
      expect(
        history.map((h) => [h.version, h.newValue]),
        keyOf(c),
      ).toEqual(writes.map((w) => [w.version, w.value]));
    }
    console.log(
      `[races] ${REQUESTS} batches in ${seconds.toFixed(1)} s: ${JSON.stringify(statuses)}, ` +
        `${conflicts.length} conflicting cells reported`,
    );
  }, 120_000);
});
