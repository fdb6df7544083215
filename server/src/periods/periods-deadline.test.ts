import { draftDeadline, quarterDeadline } from '@ptce/shared/quality';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notifier } from '../notifications/notifier';
import { testNotifier } from '../notifications/test-notifier';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

// Issue 14: "Mon trimestre" computes a quarter's deadline from the periods answer with the shared
// draftDeadline, as the reminder job does: the answer carries both settings and the sending back.
let clock = new Date('2026-10-20T10:00:00Z');
let t: TestInstance;
let job: Notifier;
beforeEach(async () => {
  clock = new Date('2026-10-20T10:00:00Z');
  t = await createTestInstance({ now: () => clock });
  job = testNotifier(t);
});
afterEach(async () => {
  await job.stop();
  await t.close();
});

const P = '/api/poles/henin-carvin/periods';

describe('the deadline in the periods answer', () => {
  it('carries deadlineDays and resubmitDays (PTCE_RESUBMIT_DAYS, 15 by default)', async () => {
    const coord = await login(t, 'coord@hc.test');
    const res = await call(t, 'GET', `${P}?from=2026Q3&to=2026Q3`, { cookie: coord });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ deadlineDays: 30, resubmitDays: 15 });
    expect(t.deps.resubmitDays).toBe(15);
  });

  it('is documented so in the OpenAPI document', async () => {
    const doc = (await call(t, 'GET', '/api/openapi.json')).json;
    const answer = doc.paths['/api/poles/{pole}/periods'].get.responses['200'];
    const ref: string | undefined = answer.content['application/json'].schema.$ref;
    const schema = ref
      ? doc.components.schemas[ref.split('/').pop()!]
      : answer.content['application/json'].schema;
    expect(schema.properties.resubmitDays).toMatchObject({ type: 'integer' });
    expect(schema.required).toEqual(expect.arrayContaining(['deadlineDays', 'resubmitDays']));
  });

  it('a sent-back quarter: the deadline computed from the answer is the one the reminders write', async () => {
    const coord = await login(t, 'coord@hc.test');
    expect((await call(t, 'POST', `${P}/2026Q3/submit`, { cookie: coord })).status).toBe(200);
    // Sessions last 12 hours: each day of the story logs in again.
    clock = new Date('2026-11-20T15:00:00Z');
    const cress = await login(t, 'cress@hdf.test');
    const back = await call(t, 'POST', `${P}/2026Q3/reopen`, {
      cookie: cress,
      body: { reason: 'Sorties à revoir' },
    });
    expect(back.status).toBe(200);

    const later = await login(t, 'coord@hc.test');
    const res = await call(t, 'GET', `${P}?from=2026Q3&to=2026Q3`, { cookie: later });
    const [state] = res.json.periods;
    expect(state).toMatchObject({ status: 'draft', transition: { kind: 'sendBack' } });
    const rules = { deadlineDays: res.json.deadlineDays, resubmitDays: res.json.resubmitDays };
    const deadline = draftDeadline('2026Q3', rules, state.transition.at);
    // 15 days from the sending back, later than the quarter's own 30 October.
    expect(quarterDeadline('2026Q3', 30)).toBe('2026-10-30');
    expect(deadline).toBe('2026-12-05');

    clock = new Date('2026-12-06T10:00:00Z');
    await job.runOnce({ reminders: true });
    const cookie = await login(t, 'coord@hc.test');
    const mine = await call(t, 'GET', '/api/notifications', { cookie });
    const overdue = mine.json.notifications.filter(
      (n: { kind: string; period: string }) => n.kind === 'overdue' && n.period === '2026Q3',
    );
    expect(overdue.map((n: { deadline: string }) => n.deadline)).toEqual([deadline]);
  });
});
