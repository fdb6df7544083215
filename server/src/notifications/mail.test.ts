import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../db/create-db';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { handOutEvents } from './hand-out';
import { claimEvents, claimMails } from './lease';
import { LEASE_MS, type Notifier } from './notifier';
import { smtpTransport } from './smtp-transport';
import { NO_REMINDERS, RULES, testNotifier, userId } from './test-notifier';
import { startSmtp, type TestSmtp } from './test-smtp';

// E-mail through a real SMTP server started here (smtp-server), read back with mailparser.
let clock: Date;
let t: TestInstance;
let smtp: TestSmtp;
let job: Notifier;
const others: Notifier[] = [];
const cookies: Record<string, string> = {};
const BASE = 'https://suivi.example.org';
const FROM = 'PTCE Suivi <suivi@example.org>';
const P = '/api/poles/henin-carvin/periods/2026Q3';

const mailer = (rules = NO_REMINDERS) => {
  const n = testNotifier(t, { mail: smtpTransport(smtp.url, FROM), rules });
  others.push(n);
  return n;
};
const act = (path: string, who: string, body?: unknown) =>
  call(t, 'POST', `${P}/${path}`, { cookie: cookies[who], body });
const outbox = () =>
  t.db.selectFrom('mail_outbox').select(['id', 'state', 'attempts', 'last_error']).execute();
const sentTo = () => smtp.received.map((m) => `${m.to} | ${m.subject}`).sort();

beforeEach(async () => {
  clock = new Date('2026-11-29T10:00:00Z');
  t = await createTestInstance({ now: () => clock });
  smtp = await startSmtp();
  job = mailer();
  for (const email of ['coord@hc.test', 'board@hc.test', 'cress@hdf.test', 'admin@test.test'])
    cookies[email] = await login(t, email);
  // The CRESS reads English.
  await call(t, 'PUT', '/api/notifications/preferences', {
    cookie: cookies['cress@hdf.test'],
    body: { lang: 'en' },
  });
});
afterEach(async () => {
  for (const n of others.splice(0)) await n.stop();
  await smtp.stop();
  await t.close();
});

describe('e-mail at once', () => {
  it('each event to the right people, in their language, with its subject and link', async () => {
    await act('submit', 'coord@hc.test');
    await job.runOnce();
    expect(smtp.received).toHaveLength(1);
    const submitted = smtp.received[0]!;
    expect(submitted).toMatchObject({
      to: 'cress@hdf.test',
      subject: 'PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
      language: 'en',
    });
    expect(submitted.text).toContain('Q3 2026 of PTCE Hénin-Carvin was submitted by coord;');
    expect(submitted.text).toContain(`Open: ${BASE}/poles/henin-carvin/rapport/2026Q3`);
    expect(submitted.text).toContain(`${BASE}/notifications?onglet=preferences`);
    expect(submitted.html).toContain(`href="${BASE}/poles/henin-carvin/rapport/2026Q3"`);
    expect(submitted.html).toContain(`href="${BASE}/notifications?onglet=preferences"`);

    await act('reopen', 'cress@hdf.test', { reason: 'Sorties IAE à revoir <vérifier>' });
    await job.runOnce();
    const back = smtp.received[1]!;
    expect(back).toMatchObject({
      to: 'coord@hc.test',
      subject: 'PTCE Hénin-Carvin : T3 2026 renvoyé en brouillon',
      language: 'fr',
    });
    expect(back.text).toContain(
      'Le trimestre T3 2026 de PTCE Hénin-Carvin a été renvoyé en brouillon par cress.',
    );
    expect(back.text).toContain('Motif : Sorties IAE à revoir <vérifier>');
    expect(back.text).toContain(
      `Ouvrir : ${BASE}/poles/henin-carvin/saisie/2026Q3/transition-ecologique`,
    );
    expect(back.html).toContain('Motif : Sorties IAE à revoir &lt;vérifier&gt;');
    expect(back.html).toContain(
      `href="${BASE}/poles/henin-carvin/saisie/2026Q3/transition-ecologique"`,
    );

    await act('submit', 'coord@hc.test');
    await act('validate', 'cress@hdf.test');
    await act('reopen', 'cress@hdf.test', { reason: 'Erreur signalée' });
    await job.runOnce();
    expect(sentTo()).toEqual([
      'board@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'coord@hc.test | PTCE Hénin-Carvin : T3 2026 renvoyé en brouillon',
      'coord@hc.test | PTCE Hénin-Carvin : T3 2026 rouvert',
      'coord@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
    ]);
    const reopened = smtp.received.find((m) => m.subject.endsWith('rouvert'))!;
    expect(reopened.text).toContain('Motif : Erreur signalée');
    expect((await outbox()).every((m) => m.state === 'sent' && m.attempts === 1)).toBe(true);
    await job.runOnce();
    expect(smtp.received).toHaveLength(6);
  });

  it('overdue reminders go to each pole’s coordinators and its region’s CRESS', async () => {
    const reminding = mailer(RULES);
    await reminding.runOnce({ reminders: true });
    expect(sentTo()).toEqual([
      'coord@hc.test | PTCE Hénin-Carvin : T3 2026 en retard',
      'coord@littoral.test | Démo Littoral : T3 2026 en retard',
      'coord@other.test | Autre pôle : T3 2026 en retard',
      'cress@hdf.test | Démo Littoral: Q3 2026 overdue',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 overdue',
      'cress@occ.test | Autre pôle : T3 2026 en retard',
    ]);
    expect(smtp.received[0]!.text).toContain(
      'devait être soumis au plus tard le 30 octobre 2026 : 30 jours de retard.',
    );
  });

  it('a user who chose the app only gets no e-mail; without SMTP nobody does', async () => {
    await call(t, 'PUT', '/api/notifications/preferences', {
      cookie: cookies['cress@hdf.test'],
      body: { kinds: { submitted: 'app' } },
    });
    await act('submit', 'coord@hc.test');
    await job.runOnce();
    expect(smtp.received).toEqual([]);
    expect(await outbox()).toEqual([]);

    const silent = testNotifier(t, { rules: NO_REMINDERS });
    others.push(silent);
    await act('validate', 'cress@hdf.test');
    await silent.runOnce();
    expect(await outbox()).toEqual([]);
    const prefs = await call(t, 'GET', '/api/notifications/preferences', {
      cookie: cookies['coord@hc.test'],
    });
    expect(prefs.json.mailEnabled).toBe(false);
  });
});

describe('the daily digest', () => {
  it('gathers the day’s notifications of the kinds chosen into one e-mail at the digest hour', async () => {
    await call(t, 'PUT', '/api/notifications/preferences', {
      cookie: cookies['coord@hc.test'],
      body: { kinds: { sentBack: 'digest', validated: 'digest' } },
    });
    await act('submit', 'coord@hc.test');
    await act('reopen', 'cress@hdf.test', { reason: 'Sorties à revoir' });
    await act('submit', 'coord@hc.test');
    await act('validate', 'cress@hdf.test');
    await job.runOnce();
    expect(sentTo()).toEqual([
      'board@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
    ]);
    clock = new Date('2026-11-30T05:59:00Z');
    await job.runOnce();
    expect(smtp.received).toHaveLength(3);
    clock = new Date('2026-11-30T06:00:00Z');
    await job.runOnce();
    await job.runOnce();
    expect(smtp.received).toHaveLength(4);
    const digest = smtp.received[3]!;
    expect(digest).toMatchObject({
      to: 'coord@hc.test',
      subject: 'PTCE Suivi : votre résumé du 30 novembre 2026, 2 notifications',
    });
    expect(digest.text).toContain('renvoyé en brouillon par cress.\nMotif : Sorties à revoir');
    expect(digest.text).toContain('a été validé par cress');
    expect(digest.html.match(/<li>/g)).toHaveLength(2);
    clock = new Date('2026-12-01T06:00:00Z');
    await job.runOnce();
    expect(smtp.received).toHaveLength(4);
  });
});

describe('exactly once', () => {
  it('an event written before a restart is sent once by the next server', async () => {
    await act('submit', 'coord@hc.test');
    // The server stops before any round; the next one (another owner) sends it.
    await job.stop();
    const next = mailer();
    await next.runOnce();
    await next.runOnce();
    await job.runOnce();
    expect(sentTo()).toEqual([
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
    ]);
  });

  it('a server that died holding a lease: the work waits for the lease, then is done once', async () => {
    await act('submit', 'coord@hc.test');
    const dead = { owner: 'dead-server', now: clock, leaseMs: LEASE_MS };
    expect(await claimEvents(t.db, dead, 10)).toHaveLength(1);
    await job.runOnce();
    expect(smtp.received).toEqual([]);
    clock = new Date(clock.getTime() + LEASE_MS + 1000);
    await job.runOnce();
    expect(smtp.received).toHaveLength(1);

    await act('validate', 'cress@hdf.test');
    clock = new Date(clock.getTime() + 1000);
    const mailless = testNotifier(t, { rules: NO_REMINDERS });
    // Handed out (two e-mails waiting), then a dying server claims the e-mails.
    await handOutEvents(t.db, { owner: 'x', now: clock, leaseMs: LEASE_MS }, { mailEnabled: true });
    expect(await claimMails(t.db, { ...dead, now: clock }, 10)).toHaveLength(2);
    await job.runOnce();
    expect(smtp.received).toHaveLength(1);
    clock = new Date(clock.getTime() + LEASE_MS + 1000);
    await job.runOnce();
    await mailless.runOnce();
    expect(sentTo()).toEqual([
      'board@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'coord@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
    ]);
  });

  it('two servers on one database never send one twice', async () => {
    const second = connect(t.file, 4);
    const other = testNotifier(t, {
      db: second.db,
      mail: smtpTransport(smtp.url, FROM),
      rules: RULES,
    });
    others.push(other);
    const first = mailer(RULES);
    try {
      await act('submit', 'coord@hc.test');
      await act('validate', 'cress@hdf.test');
      await act('reopen', 'cress@hdf.test', { reason: 'Chiffre à revoir' });
      for (let i = 0; i < 3; i++)
        await Promise.all([first.runOnce({ reminders: true }), other.runOnce({ reminders: true })]);
      // 3 transitions (4 e-mails), the overdue reminders of the two other poles (Hénin-Carvin's
      // quarter, reopened today, is due in 15 days).
      expect(sentTo()).toEqual([
        'board@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
        'coord@hc.test | PTCE Hénin-Carvin : T3 2026 rouvert',
        'coord@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
        'coord@littoral.test | Démo Littoral : T3 2026 en retard',
        'coord@other.test | Autre pôle : T3 2026 en retard',
        'cress@hdf.test | Démo Littoral: Q3 2026 overdue',
        'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
        'cress@occ.test | Autre pôle : T3 2026 en retard',
      ]);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(8);
    } finally {
      await other.stop();
      await second.db.destroy();
    }
  });
});

describe('an SMTP server down or refusing', () => {
  it('delays with backoff, never fails a request, and delivers each once when back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const res = await act('submit', 'coord@hc.test');
    expect(res.status).toBe(200);
    await job.runOnce();
    const [waiting] = await outbox();
    expect(waiting).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(waiting!.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    const admin = await call(t, 'GET', '/api/notifications/outbox?state=waiting', {
      cookie: cookies['admin@test.test'],
    });
    expect(admin.json).toMatchObject({
      mailEnabled: true,
      counts: { waiting: 1, sent: 0, failed: 0, skipped: 0 },
      mails: [
        {
          to: 'cress@hdf.test',
          type: 'notification',
          kind: 'submitted',
          pole: 'henin-carvin',
          period: '2026Q3',
          state: 'waiting',
          attempts: 1,
          nextAttemptAt: '2026-11-29T10:00:30.000Z',
          sentAt: null,
        },
      ],
    });

    smtp = await startSmtp(port);
    await job.runOnce();
    expect(smtp.received).toEqual([]);
    clock = new Date('2026-11-29T10:00:31Z');
    await job.runOnce();
    expect(sentTo()).toEqual([
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
    ]);

    // Refusing (451): kept with the server's answer, sent once it accepts again.
    smtp.refuse(451);
    await act('validate', 'cress@hdf.test');
    await job.runOnce();
    const refused = (await outbox()).filter((m) => m.state === 'waiting');
    expect(refused).toHaveLength(2);
    expect(refused[0]!.last_error).toMatch(/^451 /);
    smtp.refuse(null);
    clock = new Date('2026-11-29T10:01:05Z');
    await job.runOnce();
    await job.runOnce();
    expect(sentTo()).toEqual([
      'board@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'coord@hc.test | PTCE Hénin-Carvin : T3 2026 validé',
      'cress@hdf.test | PTCE Hénin-Carvin: Q3 2026 submitted, to validate',
    ]);
    expect((await outbox()).map((m) => m.state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('gives up after three days, with the reason for the admin', async () => {
    smtp.refuse(550);
    await act('submit', 'coord@hc.test');
    await job.runOnce();
    clock = new Date('2026-12-02T10:00:01Z');
    await job.runOnce();
    const [mail] = await outbox();
    expect(mail).toMatchObject({ state: 'failed', attempts: 2 });
    expect(mail!.last_error).toMatch(/^550 /);
  });
});

describe('nobody receives what they could not read', () => {
  it('a user disabled or removed after the hand-out gets no e-mail', async () => {
    await act('submit', 'coord@hc.test');
    await act('validate', 'cress@hdf.test');
    // Handed out (e-mails waiting) by a server that does not send them yet.
    await handOutEvents(t.db, { owner: 'x', now: clock, leaseMs: LEASE_MS }, { mailEnabled: true });
    expect((await outbox()).map((m) => m.state)).toEqual(['waiting', 'waiting', 'waiting']);
    const cress = await userId(t, 'cress@hdf.test');
    await call(t, 'POST', `/api/admin/users/${cress}/disable`, {
      cookie: cookies['admin@test.test'],
      body: {},
    });
    const board = await userId(t, 'board@hc.test');
    await t.db.deleteFrom('memberships').where('user_id', '=', board).execute();
    await job.runOnce();
    expect(sentTo()).toEqual(['coord@hc.test | PTCE Hénin-Carvin : T3 2026 validé']);
    expect((await outbox()).map((m) => m.state)).toEqual(['skipped', 'sent', 'skipped']);
  });
});
