import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { upload } from '../imports/test-upload';
import { call, login } from '../test-support/client';
import { createTestInstance, PASSWORD, type TestInstance } from '../test-support/test-instance';
import { insertUser } from '../users/users.repository';
import type { Notifier } from './notifier';
import { NO_REMINDERS, testNotifier, userId } from './test-notifier';

let t: TestInstance;
let job: Notifier;
const cookies: Record<string, string> = {};
const EMAILS = [
  'coord@hc.test',
  'board@hc.test',
  'cress@hdf.test',
  'cress@occ.test',
  'admin@test.test',
  'coord@littoral.test',
];

beforeEach(async () => {
  t = await createTestInstance();
  job = testNotifier(t, { rules: NO_REMINDERS });
  for (const email of EMAILS) cookies[email] = await login(t, email);
});
afterEach(async () => {
  await job.stop();
  await t.close();
});

const P = '/api/poles/henin-carvin/periods/2026Q3';
const act = (path: string, who: string, body?: unknown) =>
  call(t, 'POST', `${P}/${path}`, { cookie: cookies[who], body });
const list = (who: string, query = '') =>
  call(t, 'GET', `/api/notifications${query}`, { cookie: cookies[who] });
const kinds = async (who: string) =>
  (await list(who)).json.notifications.map((n: { kind: string }) => n.kind);

describe('the workflow notifies the people concerned', () => {
  it('submitted → the region’s CRESS; validated → coordinators and board; each once', async () => {
    expect((await act('submit', 'coord@hc.test')).status).toBe(200);
    // Written with the change, handed out by the job.
    expect((await list('cress@hdf.test')).json.notifications).toEqual([]);
    expect((await job.runOnce()).handedOut).toBe(1);
    const got = await list('cress@hdf.test');
    expect(got.status).toBe(200);
    expect(got.json).toEqual({
      notifications: [
        {
          id: expect.any(Number),
          kind: 'submitted',
          pole: { slug: 'henin-carvin', name: 'PTCE Hénin-Carvin' },
          period: '2026Q3',
          reason: null,
          actor: 'coord',
          deadline: null,
          daysLate: null,
          changes: null,
          link: '/poles/henin-carvin/rapport/2026Q3',
          createdAt: '2026-11-29T10:00:00.000Z',
          readAt: null,
        },
      ],
      unread: 1,
      nextBefore: null,
    });
    expect(await kinds('cress@occ.test')).toEqual([]);
    expect(await kinds('coord@hc.test')).toEqual([]);
    expect(await kinds('admin@test.test')).toEqual([]);

    await act('validate', 'cress@hdf.test');
    await job.runOnce();
    await job.runOnce();
    expect(await kinds('coord@hc.test')).toEqual(['validated']);
    expect(await kinds('board@hc.test')).toEqual(['validated']);
    expect(await kinds('cress@hdf.test')).toEqual(['submitted']);
    expect(await kinds('coord@littoral.test')).toEqual([]);
  });

  it('sent back and reopened carry the CRESS’s reason and link to the entry grid', async () => {
    await act('submit', 'coord@hc.test');
    await act('reopen', 'cress@hdf.test', { reason: 'Sorties IAE à revoir' });
    await act('submit', 'coord@hc.test');
    await act('validate', 'cress@hdf.test');
    await act('reopen', 'cress@hdf.test', { reason: 'Erreur de saisie signalée' });
    await job.runOnce();
    const got = (await list('coord@hc.test')).json.notifications;
    expect(got.map((n: object) => ({ ...n, id: 0 }))).toMatchObject([
      { kind: 'reopened', reason: 'Erreur de saisie signalée', actor: 'cress' },
      { kind: 'validated', reason: null },
      { kind: 'sentBack', reason: 'Sorties IAE à revoir', actor: 'cress' },
    ]);
    expect(got[0].link).toBe('/poles/henin-carvin/saisie/2026Q3/transition-ecologique');
    expect(await kinds('board@hc.test')).toEqual(['validated']);
  });

  it('an import goes to the pole’s other coordinators, not to the one who imported', async () => {
    const hc = t.poleIds.get('henin-carvin')!;
    await insertUser(t.db, {
      email: 'coord2@hc.test',
      name: 'Second',
      passwordHash: await hashPassword(PASSWORD),
      at: '2026-11-29T10:00:00.000Z',
      memberships: [{ role: 'coordinator', pole: 'henin-carvin', poleId: hc }],
    });
    const csv =
      'scope,indicator,slice,value\r\npole,PTCE-REUNIONS,,4\r\npole,PTCE-EVENEMENTS,,2\r\n';
    const dry = await upload(t, '/api/poles/henin-carvin/import?period=2026Q3&dryRun=true', csv, {
      cookie: cookies['coord@hc.test'],
      type: 'text/csv',
    });
    expect(dry.status).toBe(200);
    await job.runOnce();
    expect(await kinds('coord@hc.test')).toEqual([]);
    const res = await upload(t, '/api/poles/henin-carvin/import?period=2026Q3&dryRun=false', csv, {
      cookie: cookies['coord@hc.test'],
      type: 'text/csv',
    });
    expect(res.status).toBe(200);
    await job.runOnce();
    const second = await login(t, 'coord2@hc.test');
    const got = await call(t, 'GET', '/api/notifications', { cookie: second });
    expect(got.json.notifications).toMatchObject([
      { kind: 'importApplied', actor: 'coord', changes: 2, period: '2026Q3' },
    ]);
    expect(await kinds('coord@hc.test')).toEqual([]);
    expect(await kinds('board@hc.test')).toEqual([]);
  });

  it('a disabled account and a removed member get nothing more', async () => {
    const admin = cookies['admin@test.test'];
    const board = await userId(t, 'board@hc.test');
    expect(
      (await call(t, 'POST', `/api/admin/users/${board}/disable`, { cookie: admin, body: {} }))
        .status,
    ).toBe(200);
    await act('submit', 'coord@hc.test');
    await act('validate', 'cress@hdf.test');
    await job.runOnce();
    const rows = await t.db
      .selectFrom('notifications')
      .select('user_id')
      .where('user_id', '=', board)
      .execute();
    expect(rows).toEqual([]);

    // The coordinator's notifications of the pole disappear with its membership.
    expect(await kinds('coord@hc.test')).toEqual(['validated']);
    const coord = await userId(t, 'coord@hc.test');
    await t.db.deleteFrom('memberships').where('user_id', '=', coord).execute();
    t.deps.cache.epochs.bumpAll();
    await act('reopen', 'cress@hdf.test', { reason: 'Chiffre à revoir' });
    await job.runOnce();
    const after = await list('coord@hc.test');
    expect([after.status, after.json.notifications, after.json.unread]).toEqual([200, [], 0]);
    const handed = await t.db
      .selectFrom('notifications')
      .select('user_id')
      .where('user_id', '=', coord)
      .execute();
    expect(handed).toHaveLength(1);
  });
});

describe('GET /api/notifications and POST /api/notifications/read', () => {
  beforeEach(async () => {
    await act('submit', 'coord@hc.test');
    await act('reopen', 'cress@hdf.test', { reason: 'Premier renvoi' });
    await act('submit', 'coord@hc.test');
    await act('validate', 'cress@hdf.test');
    await call(t, 'POST', '/api/poles/demo-littoral/periods/2026Q3/submit', {
      cookie: cookies['coord@littoral.test'],
    });
    await job.runOnce();
  });

  it('filters by unread, kind and pole, and pages', async () => {
    const cress = 'cress@hdf.test';
    expect((await list(cress)).json.notifications).toHaveLength(3);
    const hc = await list(cress, '?pole=henin-carvin');
    expect(hc.json.notifications.map((n: { pole: { slug: string } }) => n.pole.slug)).toEqual([
      'henin-carvin',
      'henin-carvin',
    ]);
    expect((await list('coord@hc.test', '?kind=sentBack')).json.notifications).toMatchObject([
      { kind: 'sentBack', reason: 'Premier renvoi' },
    ]);
    const page1 = await list(cress, '?limit=2');
    expect(page1.json.notifications).toHaveLength(2);
    const page2 = await list(cress, `?limit=2&before=${page1.json.nextBefore}`);
    expect(page2.json.notifications).toHaveLength(1);
    expect(page2.json.nextBefore).toBeNull();
    for (const bad of ['?unread=1', '?kind=other', '?limit=0', '?pole=Bad!', '?x=1']) {
      const res = await list(cress, bad);
      expect([bad, res.status, res.json.error.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
  });

  it('marks one read, then all; another user’s answers 404 and marks nothing', async () => {
    const coord = cookies['coord@hc.test'];
    const mine = (await list('coord@hc.test')).json.notifications as Array<{ id: number }>;
    expect(mine).toHaveLength(2);
    const cressIds = (await list('cress@hdf.test')).json.notifications.map(
      (n: { id: number }) => n.id,
    );

    const foreign = await call(t, 'POST', '/api/notifications/read', {
      cookie: coord,
      body: { ids: [mine[0]!.id, cressIds[0]] },
    });
    expect([foreign.status, foreign.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await list('coord@hc.test', '?unread=true')).json.notifications).toHaveLength(2);

    const one = await call(t, 'POST', '/api/notifications/read', {
      cookie: coord,
      body: { ids: [mine[0]!.id] },
    });
    expect([one.status, one.json]).toEqual([200, { marked: 1, unread: 1 }]);
    expect((await list('coord@hc.test', '?unread=true')).json.notifications).toEqual([
      expect.objectContaining({ id: mine[1]!.id }),
    ]);
    const read = (await list('coord@hc.test', '?unread=false')).json.notifications;
    expect(read).toEqual([
      expect.objectContaining({ id: mine[0]!.id, readAt: '2026-11-29T10:00:00.000Z' }),
    ]);
    expect(
      (await call(t, 'GET', '/api/notifications/unread-count', { cookie: coord })).json,
    ).toEqual({ unread: 1 });

    const all = await call(t, 'POST', '/api/notifications/read', { cookie: coord });
    expect([all.status, all.json]).toEqual([200, { marked: 1, unread: 0 }]);
    // The CRESS's own stay unread.
    expect((await list('cress@hdf.test')).json.unread).toBe(3);
    for (const body of [{ ids: [] }, { ids: ['1'] }, { ids: [0] }, { all: true }]) {
      const res = await call(t, 'POST', '/api/notifications/read', { cookie: coord, body });
      expect(res.status).toBe(400);
    }
    expect((await call(t, 'GET', '/api/notifications')).status).toBe(401);
  });
});

describe('preferences and outbox', () => {
  it('defaults to e-mail at once, says mail is off, saves kinds and language', async () => {
    const coord = cookies['coord@hc.test'];
    const got = await call(t, 'GET', '/api/notifications/preferences', { cookie: coord });
    expect(got.json).toEqual({
      mailEnabled: false,
      email: 'coord@hc.test',
      lang: 'fr',
      kinds: {
        dueSoon: 'email',
        overdue: 'email',
        submitted: 'email',
        validated: 'email',
        sentBack: 'email',
        reopened: 'email',
        importApplied: 'email',
      },
      relevant: ['dueSoon', 'overdue', 'validated', 'sentBack', 'reopened', 'importApplied'],
    });
    const put = await call(t, 'PUT', '/api/notifications/preferences', {
      cookie: coord,
      body: { lang: 'en', kinds: { overdue: 'digest', importApplied: 'app' } },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      lang: 'en',
      kinds: { overdue: 'digest', importApplied: 'app', sentBack: 'email' },
    });
    const bad = await call(t, 'PUT', '/api/notifications/preferences', {
      cookie: coord,
      body: { kinds: { overdue: 'sms' } },
    });
    expect(bad.status).toBe(400);
    const board = await call(t, 'GET', '/api/notifications/preferences', {
      cookie: cookies['board@hc.test'],
    });
    expect(board.json).toMatchObject({ lang: 'fr', relevant: ['validated'] });
  });

  it('the outbox is for admins', async () => {
    const res = await call(t, 'GET', '/api/notifications/outbox', {
      cookie: cookies['admin@test.test'],
    });
    expect(res.json).toEqual({
      mailEnabled: false,
      counts: { waiting: 0, sent: 0, failed: 0, skipped: 0 },
      pendingEvents: 0,
      mails: [],
      nextBefore: null,
    });
    const coord = await call(t, 'GET', '/api/notifications/outbox', {
      cookie: cookies['coord@hc.test'],
    });
    expect(coord.status).toBe(403);
  });
});
