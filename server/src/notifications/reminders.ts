import { type ReminderRules, reminderAt, reminderQuarters } from '@ptce/shared/notifications';
import { compareQuarters, lastCompleteQuarter } from '@ptce/shared/periods';
import { draftDeadline } from '@ptce/shared/quality';
import type { Db } from '../db/database';
import { writeEvent } from './notify';

/**
 * Writes the reminders due at `now` (docs/decisions.md, "Reminders"): for every pole, each
 * quarter of `reminderQuarters` still in draft, and each quarter sent back or reopened that is
 * over, its deadline (`draftDeadline`: recomputed from a sending back) and the reminder it calls
 * for (`reminderAt`). A submitted or validated quarter gets none. One event per pole, quarter,
 * deadline, kind and step (its `dedupe_key`), whoever writes it and however often the job runs;
 * a job that missed steps writes the latest only. Returns the events written.
 */
export async function writeReminders(db: Db, rules: ReminderRules, now: Date): Promise<number> {
  const last = lastCompleteQuarter(now);
  const poles = await db.selectFrom('poles').select(['id', 'created_at']).execute();
  const windows = new Map(poles.map((p) => [p.id, reminderQuarters(now, p.created_at)]));
  const first = [...windows.values()]
    .map((w) => w[0])
    .reduce<string | undefined>(
      (a, b) => (a === undefined || (b !== undefined && b < a) ? b : a),
      undefined,
    );
  const states = await db
    .selectFrom('quarter_status')
    .select(['pole_id', 'period', 'status', 'updated_at'])
    .where((eb) =>
      eb.or([eb('status', '=', 'draft'), ...(first ? [eb('period', '>=', first)] : [])]),
    )
    .where('period', '<=', last)
    .execute();
  const byPole = new Map<number, Map<string, { status: string; updatedAt: string }>>();
  for (const s of states) {
    const m = byPole.get(s.pole_id) ?? new Map();
    byPole.set(s.pole_id, m);
    m.set(s.period, { status: s.status, updatedAt: s.updated_at });
  }
  let written = 0;
  const at = now.toISOString();
  for (const pole of poles) {
    const recorded = byPole.get(pole.id) ?? new Map();
    const periods = new Set(windows.get(pole.id));
    for (const [period, s] of recorded) if (s.status === 'draft') periods.add(period);
    for (const period of periods) {
      if (compareQuarters(period, last) > 0) continue;
      const state = recorded.get(period);
      if (state && state.status !== 'draft') continue;
      // A draft with a recorded state was sent back or reopened then.
      const deadline = draftDeadline(period, rules, state ? state.updatedAt : null);
      const r = reminderAt(period, deadline, now, rules);
      if (!r) continue;
      const step = r.kind === 'overdue' ? r.step : 0;
      const wrote = await writeEvent(db, {
        kind: r.kind,
        poleId: pole.id,
        period,
        data: r.kind === 'overdue' ? { deadline, step, daysLate: r.daysLate } : { deadline },
        dedupeKey: `${r.kind}:${pole.id}:${period}:${deadline}:${step}`,
        at,
      });
      if (wrote) written += 1;
    }
  }
  return written;
}
