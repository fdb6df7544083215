import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from './env';
import { openInstance } from './instance';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmpDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-inst-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'db.sqlite');
}

describe('openInstance', () => {
  it('creates an empty instance with PTCE_DEMO=0 and bootstraps the admin once', async () => {
    const env = readEnv({
      PTCE_DB: tmpDb(),
      PTCE_DEMO: '0',
      PTCE_ADMIN_EMAIL: 'Admin@Cress.test',
      PTCE_ADMIN_PASSWORD: 'un-long-mot-de-passe',
    });
    const first = await openInstance(env);
    expect(first.created).toBe(true);
    expect(first.demoAccounts).toEqual([]);
    expect(await first.deps.db.selectFrom('poles').selectAll().execute()).toEqual([]);
    const admins = await first.deps.db
      .selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select(['email', 'role'])
      .execute();
    expect(admins).toEqual([{ email: 'admin@cress.test', role: 'admin' }]);
    expect(first.catalogue.added).toHaveLength(45);
    await first.close();
    const second = await openInstance(env);
    expect(second.created).toBe(false);
    expect(second.catalogue).toEqual({ added: [], updated: [], retired: [], removed: [] });
    expect(await second.deps.db.selectFrom('users').selectAll().execute()).toHaveLength(1);
    await second.close();
  });

  it('loads the demo into a new database only, with one account per role', async () => {
    const env = readEnv({ PTCE_DB: tmpDb() });
    const now = () => new Date('2026-11-29T10:00:00Z');
    const inst = await openInstance(env, now);
    expect(inst.demoAccounts.map((a) => a.roles.split(' ')[0]).sort()).toEqual([
      'admin',
      'board',
      'coordinator',
      'cress',
    ]);
    expect(new Set(inst.demoAccounts.map((a) => a.password)).size).toBe(4);
    const hashes = await inst.deps.db.selectFrom('users').select('password_hash').execute();
    for (const a of inst.demoAccounts)
      expect(hashes.map((h) => h.password_hash).join()).not.toContain(a.password);
    const latest = await inst.deps.db
      .selectFrom('values')
      .select((eb) => eb.fn.max('period').as('p'))
      .executeTakeFirstOrThrow();
    expect(latest.p).toBe('2026Q3');
    const statuses = await inst.deps.db
      .selectFrom('quarter_status')
      .select(['period', 'status'])
      .where('period', '>=', '2026Q2')
      .orderBy('period')
      .execute();
    expect(statuses.map((s) => `${s.period}:${s.status}`)).toContain('2026Q3:submitted');
    await inst.close();
  });

  it('does not load the demo again into a database that has data but no initialisation mark', async () => {
    const env = readEnv({ PTCE_DB: tmpDb() });
    const now = () => new Date('2026-11-29T10:00:00Z');
    const first = await openInstance(env, now);
    await first.deps.db.deleteFrom('settings').where('key', '=', 'initialized_at').execute();
    await first.close();
    const again = await openInstance(env, now);
    expect(again.created).toBe(false);
    expect(again.demoAccounts).toEqual([]);
    await again.close();
  });
});

describe('readEnv', () => {
  it('applies the defaults of DESIGN.md', () => {
    expect(readEnv({})).toMatchObject({
      PORT: 3000,
      PTCE_DB: './var/ptce-suivi.sqlite',
      PTCE_DEMO: true,
    });
  });
  it('fails fast with a readable message', () => {
    expect(() => readEnv({ PORT: 'abc', PTCE_DEMO: 'peut-être' })).toThrow(/PORT[\s\S]*PTCE_DEMO/);
    expect(() => readEnv({ PTCE_ADMIN_EMAIL: 'a@b.test' })).toThrow(/PTCE_ADMIN_PASSWORD/);
  });
});
