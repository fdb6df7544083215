import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import type { Notifier } from './notifier';
import { writeReminders } from './reminders';
import { RULES, testNotifier } from './test-notifier';

// The test poles are created on 2026-11-29: reminders concern 2026Q3 (deadline 2026-10-30 with
// 30 days) and later quarters. The clock moves; the job runs its reminders every round here.
let clock = new Date('2026-11-29T10:00:00Z');
let t: TestInstance;
let job: Notifier;
beforeEach(async () => {
  clock = new Date('2026-11-29T10:00:00Z');
  t = await createTestInstance({ now: () => clock });
  job = testNotifier(t);
});
afterEach(async () => {
  await job.stop();
  await t.close();
});

const at = async (iso: string) => {
  clock = new Date(iso);
  return job.runOnce({ reminders: true });
};
/** The reminders of the coordinator of a pole: kind, deadline, days late. */
async function remindersOf(email: string) {
  const cookie = await login(t, email);
  const res = await call(t, 'GET', '/api/notifications', { cookie });
  return (
    res.json.notifications as Array<{
      kind: string;
      period: string;
      deadline: string;
      daysLate: number | null;
      link: string;
    }>
  )
    .filter((n) => n.kind === 'dueSoon' || n.kind === 'overdue')
    .map((n) => `${n.kind} ${n.period} ${n.deadline} ${n.daysLate ?? '-'}`)
    .reverse();
}

describe('reminders', () => {
  it('due soon, then overdue at most three times, a week apart, to the coordinators only', async () => {
    expect((await at('2026-10-22T12:00:00Z')).reminders).toBe(0);
    expect((await at('2026-10-23T08:00:00Z')).reminders).toBe(3); // one per pole
    expect((await at('2026-10-24T08:00:00Z')).reminders).toBe(0);
    await at('2026-10-31T00:10:00Z');
    await at('2026-11-03T00:10:00Z');
    await at('2026-11-07T09:00:00Z');
    await at('2026-11-14T09:00:00Z');
    await at('2026-11-21T09:00:00Z');
    await at('2026-11-29T09:00:00Z');
    expect(await remindersOf('coord@hc.test')).toEqual([
      'dueSoon 2026Q3 2026-10-30 -',
      'overdue 2026Q3 2026-10-30 1',
      'overdue 2026Q3 2026-10-30 8',
      'overdue 2026Q3 2026-10-30 15',
    ]);
    expect(await remindersOf('board@hc.test')).toEqual([]);
    // The region's CRESS hears of late quarters (both of its poles), not of those due soon.
    const cress = await remindersOf('cress@hdf.test');
    expect(cress.filter((r) => r.startsWith('dueSoon'))).toEqual([]);
    expect(cress.filter((r) => r.startsWith('overdue'))).toHaveLength(6);
    expect(await remindersOf('cress@occ.test')).toHaveLength(3);
    const cookie = await login(t, 'coord@hc.test');
    const [last] = (await call(t, 'GET', '/api/notifications', { cookie })).json.notifications;
    expect(last.link).toBe('/poles/henin-carvin/saisie/2026Q3/transition-ecologique');
  });

  it('a job that missed the steps writes the latest one only, once, whoever runs it', async () => {
    await at('2026-11-29T10:00:00Z');
    const other = testNotifier(t, { db: t.db });
    expect((await other.runOnce({ reminders: true })).reminders).toBe(0);
    await at('2026-11-30T10:00:00Z');
    expect(await remindersOf('coord@hc.test')).toEqual(['overdue 2026Q3 2026-10-30 30']);
    expect(await remindersOf('coord@littoral.test')).toEqual(['overdue 2026Q3 2026-10-30 30']);
  });

  it('a quarter submitted in time gets no overdue reminder; a sent-back one a new deadline', async () => {
    const coord = await login(t, 'coord@hc.test');
    const cress = await login(t, 'cress@hdf.test');
    await at('2026-10-20T10:00:00Z');
    const P = '/api/poles/henin-carvin/periods/2026Q3';
    expect((await call(t, 'POST', `${P}/submit`, { cookie: coord })).status).toBe(200);
    await at('2026-10-23T10:00:00Z');
    await at('2026-11-10T10:00:00Z');
    expect(await remindersOf('coord@hc.test')).toEqual([]);
    expect(await remindersOf('coord@littoral.test')).toEqual([
      'dueSoon 2026Q3 2026-10-30 -',
      'overdue 2026Q3 2026-10-30 11',
    ]);

    // Sent back on 20 November: due 15 days later, on 5 December.
    await at('2026-11-20T15:00:00Z');
    const back = await call(t, 'POST', `${P}/reopen`, {
      cookie: cress,
      body: { reason: 'Sorties à revoir' },
    });
    expect(back.status).toBe(200);
    await at('2026-11-27T10:00:00Z');
    expect(await remindersOf('coord@hc.test')).toEqual([]);
    await at('2026-11-28T10:00:00Z');
    await at('2026-12-06T10:00:00Z');
    expect(await remindersOf('coord@hc.test')).toEqual([
      'dueSoon 2026Q3 2026-12-05 -',
      'overdue 2026Q3 2026-12-05 1',
    ]);
  });

  it('a reminder written before a submission is not handed out after it', async () => {
    clock = new Date('2026-11-29T10:00:00Z');
    expect(await writeReminders(t.db, RULES, clock)).toBe(3);
    const coord = await login(t, 'coord@hc.test');
    await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q3/submit', { cookie: coord });
    await job.runOnce();
    expect(await remindersOf('coord@hc.test')).toEqual([]);
    expect(await remindersOf('coord@littoral.test')).toHaveLength(1);
  });
});
