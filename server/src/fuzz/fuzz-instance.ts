import { allowedSlices } from '@ptce/shared/slices';
import { createSession, revokeSession } from '../auth/auth.repository';
import { hashToken } from '../auth/tokens';
import { transact } from '../db/engine';
import { call, login, ORIGIN } from '../test-support/client';
import { createTestInstance, NOW, type TestInstance } from '../test-support/test-instance';
import type { Pools } from './schema-arbitrary';

/** Who sends a request: the session cookie or the `Authorization` header it carries. */
interface Caller {
  name: string;
  cookie?: string;
  authorization?: string;
}

const ROLE_EMAILS = {
  coordinator: 'coord@hc.test',
  board: 'board@hc.test',
  cress: 'cress@hdf.test',
  cressOther: 'cress@occ.test',
  admin: 'admin@test.test',
  coordOther: 'coord@other.test',
} as const;
type Role = keyof typeof ROLE_EMAILS;

/**
 * A test instance made ready for fuzzing: every role logged in once, an expired and a revoked
 * session, a read-only and a write API token (each used once, so that their `last_used_at`
 * is set and the fixed clock never writes it again), pools of real names, and the fixture
 * state that `heal()` puts back after a successful request changed it.
 */
export async function createFuzzInstance() {
  const t = await createTestInstance();
  // Durability is not under test here; without an fsync per write the runs go twice as fast.
  t.sqlite?.pragma('synchronous = OFF');
  const sessions = {} as Record<Role, string>;
  for (const [role, email] of Object.entries(ROLE_EMAILS))
    sessions[role as Role] = await login(t, email);

  const userId = async (email: string) =>
    (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;
  const coordId = await userId(ROLE_EMAILS.coordinator);
  const expired = await createSession(t.db, coordId, 1, new Date(NOW.getTime() - 7_200_000));
  const revoked = await createSession(t.db, coordId, 12, NOW);
  await revokeSession(t.db, hashToken(revoked.token), NOW);

  const token = async (cookie: string, write: boolean) => {
    const res = await call(t, 'POST', '/api/tokens', { cookie, body: { name: 'fuzz', write } });
    await call(t, 'GET', '/api/session', { bearer: res.json.secret });
    return res.json.secret as string;
  };
  const readToken = await token(sessions.cress, false);
  const writeToken = await token(sessions.coordinator, true);

  const cookie = (v: string) => `ptce_session=${v}`;
  const callers: Record<string, Caller> = {
    anonymous: { name: 'anonymous' },
    ...Object.fromEntries(
      Object.entries(sessions).map(([role, c]) => [role, { name: role, cookie: c }]),
    ),
    expiredCookie: { name: 'expiredCookie', cookie: cookie(expired.token) },
    revokedCookie: { name: 'revokedCookie', cookie: cookie(revoked.token) },
    readToken: { name: 'readToken', authorization: `Bearer ${readToken}` },
    writeToken: { name: 'writeToken', authorization: `Bearer ${writeToken}` },
  };

  const pools = await poolsOf(t);
  const fixture = await snapshotFixture(t);
  const template = await t.app.request(
    `${ORIGIN}/api/poles/henin-carvin/template.xlsx?period=2026Q3`,
    { headers: { cookie: sessions.coordinator } },
  );
  return {
    t,
    callers,
    pools,
    /** The coordinator's real entry workbook, a seed for broken uploads. */
    template: new Uint8Array(await template.arrayBuffer()),
    /** Puts the callers' accounts, sessions, tokens and poles back as they were. */
    heal: () => restoreFixture(t, fixture),
    close: () => t.close(),
  };
}
export type FuzzInstance = Awaited<ReturnType<typeof createFuzzInstance>>;

async function poolsOf(t: TestInstance): Promise<Pools> {
  const catalogue = await t.deps.catalogue.get();
  const scopes = await t.db.selectFrom('working_groups').select('slug').distinct().execute();
  const tracked = await t.db
    .selectFrom('tracked_indicators as ti')
    .innerJoin('working_groups as g', 'g.id', 'ti.group_id')
    .where('g.pole_id', '=', t.poleIds.get('henin-carvin')!)
    .select(['ti.indicator_code', 'g.slug as scope'])
    .execute();
  const codes = [...new Set(tracked.map((r) => r.indicator_code))];
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const groupSlugs = scopes.map((g) => g.slug);
  const cells: Pools['cells'] = [];
  for (const r of tracked) {
    const indicator = byCode.get(r.indicator_code);
    if (!indicator || indicator.kind === 'ratio') continue;
    for (const slice of allowedSlices(indicator, catalogue.dimensions, groupSlugs))
      cells.push({ scope: r.scope, indicator: r.indicator_code, slice });
  }
  const users = await t.db.selectFrom('users').select('id').execute();
  const tokens = await t.db.selectFrom('api_tokens').select('id').execute();
  return {
    poles: [...t.poleIds.keys()],
    scopes: scopes.map((s) => s.slug),
    indicators: [...codes, catalogue.indicators.at(-1)!.code],
    slices: [...new Set(cells.map((c) => c.slice))],
    regions: ['HDF', 'OCC', 'ZZ'],
    // Recent quarters (open to entry), the current and a future one, and the accepted bounds.
    quarters: ['2026Q3', '2026Q2', '2026Q1', '2025Q4', '2026Q4', '2027Q1', '2000Q1', '2100Q4'],
    userIds: [...users.map((u) => u.id), 99],
    tokenIds: [...tokens.map((x) => x.id), 99],
    cells,
  };
}

async function snapshotFixture(t: TestInstance) {
  return {
    users: await t.db.selectFrom('users').selectAll().execute(),
    memberships: await t.db.selectFrom('memberships').selectAll().execute(),
    sessions: await t.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('revoked_at', 'is', null)
      .execute(),
    tokens: await t.db.selectFrom('api_tokens').select('id').execute(),
    poles: await t.db.selectFrom('poles').selectAll().execute(),
  };
}

async function restoreFixture(t: TestInstance, f: Awaited<ReturnType<typeof snapshotFixture>>) {
  await transact(t.db, async (trx) => {
    for (const u of f.users)
      await trx
        .updateTable('users')
        .set({ name: u.name, password_hash: u.password_hash, disabled_at: u.disabled_at })
        .where('id', '=', u.id)
        .execute();
    const ids = f.users.map((u) => u.id);
    await trx.deleteFrom('memberships').where('user_id', 'in', ids).execute();
    // New ids: a membership id freed by a fuzzed request may have been reused since.
    await trx
      .insertInto('memberships')
      .values(f.memberships.map(({ id: _id, ...m }) => m))
      .execute();
    const hashes = f.sessions.map((s) => s.token_hash);
    await trx
      .updateTable('sessions')
      .set({ revoked_at: null })
      .where('token_hash', 'in', hashes)
      .execute();
    const tokenIds = f.tokens.map((x) => x.id);
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: null })
      .where('id', 'in', tokenIds)
      .execute();
    for (const p of f.poles)
      await trx
        .updateTable('poles')
        .set({ name: p.name, territory: p.territory, region_code: p.region_code })
        .where('id', '=', p.id)
        .execute();
  });
}
