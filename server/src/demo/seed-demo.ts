import type { DemoDefinition } from '@ptce/data/demo';
import { generateDemoValues } from '@ptce/data/generate-demo';
import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { previousQuarter } from '@ptce/shared/periods';
import { POLE_SCOPE } from '@ptce/shared/poles.schema';
import { quarterDeadline } from '@ptce/shared/quality';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { generatePassword, hashPassword } from '../auth/passwords';
import type { Database, PeriodEventTable, QuarterStatusTable } from '../db/database';
import { transact } from '../db/engine';
import { insertUser } from '../users/users.repository';

export interface DemoAccountCreated {
  email: string;
  name: string;
  roles: string;
  password: string;
}

const CHUNK = 400;

/**
 * Loads the demo into an empty database in one transaction: regions, poles, scopes with their
 * tracked indicators, generated values (each with its history row) and targets, quarter states
 * (all validated but the last: submitted for the first pole, draft elsewhere), and one account
 * per demo membership with a generated password (returned, to be shown once).
 */
export async function seedDemo(
  db: Kysely<Database>,
  demo: DemoDefinition,
  catalogue: Catalogue,
  opts: { to: string; seed: number; now: Date; initializedKey: string },
): Promise<DemoAccountCreated[]> {
  const at = opts.now.toISOString();
  const generated = generateDemoValues(demo, catalogue, {
    seed: opts.seed,
    from: '2023Q1',
    to: opts.to,
  });
  const passwords = demo.accounts.map(() => generatePassword());
  const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
  return transact(db, async (trx) => {
    await trx.insertInto('regions').values(demo.regions).execute();
    const groupIds = new Map<string, number>();
    const poleIds = new Map<string, number>();
    for (const pole of demo.poles) {
      const { id } = await trx
        .insertInto('poles')
        .values({
          slug: pole.slug,
          name: pole.name,
          territory: pole.territory,
          region_code: pole.region,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      poleIds.set(pole.slug, id);
      const scopes = [
        ...pole.groups.map((g) => ({
          slug: g.slug,
          name: g.name,
          isPole: 0,
          indicators: g.indicators,
        })),
        { slug: POLE_SCOPE, name: 'Pôle', isPole: 1, indicators: pole.poleIndicators },
      ];
      for (const [position, s] of scopes.entries()) {
        const g = await trx
          .insertInto('working_groups')
          .values({ pole_id: id, slug: s.slug, name: s.name, is_pole: s.isPole, position })
          .returning('id')
          .executeTakeFirstOrThrow();
        groupIds.set(`${pole.slug}|${s.slug}`, g.id);
        await trx
          .insertInto('tracked_indicators')
          .values(
            s.indicators.map((code, i) => ({ group_id: g.id, indicator_code: code, position: i })),
          )
          .execute();
      }
    }
    await insertValues(trx, generated.values, poleIds, groupIds, at);
    const targets = generated.targets.map((t) => ({
      group_id: groupIds.get(`${t.pole}|${t.scope}`)!,
      indicator_code: t.indicator,
      year: t.year,
      value: t.value,
      updated_at: at,
      updated_by: null,
    }));
    for (let i = 0; i < targets.length; i += CHUNK)
      await trx
        .insertInto('targets')
        .values(targets.slice(i, i + CHUNK))
        .execute();
    await seedStatuses(trx, demo, poleIds, opts.to, at);
    const created: DemoAccountCreated[] = [];
    for (const [i, account] of demo.accounts.entries()) {
      await insertUser(trx, {
        email: account.email,
        name: account.name,
        passwordHash: hashes[i]!,
        at,
        memberships: account.memberships.map((m) => ({
          ...m,
          poleId: m.pole ? poleIds.get(m.pole)! : null,
        })),
      });
      const roles = account.memberships.map(
        (m) => `${m.role}${m.pole ? ` ${m.pole}` : m.region ? ` ${m.region}` : ''}`,
      );
      created.push({
        email: account.email,
        name: account.name,
        roles: roles.join(', '),
        password: passwords[i]!,
      });
    }
    await trx.insertInto('settings').values({ key: opts.initializedKey, value: at }).execute();
    return created;
  });
}

async function insertValues(
  trx: Transaction<Database>,
  values: ReturnType<typeof generateDemoValues>['values'],
  poleIds: Map<string, number>,
  groupIds: Map<string, number>,
  at: string,
): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = values.slice(i, i + CHUNK).map((v) => ({
      pole_id: poleIds.get(v.pole)!,
      group_id: groupIds.get(`${v.pole}|${v.scope}`)!,
      indicator_code: v.indicator,
      period: v.period,
      slice: v.slice,
      value: v.value,
      comment: v.comment,
    }));
    await trx
      .insertInto('values')
      .values(
        rows.map((r) => ({
          ...r,
          override_reason: null,
          version: 1,
          updated_at: at,
          updated_by: null,
        })),
      )
      .execute();
    await trx
      .insertInto('value_history')
      .values(
        rows.map((r) => ({
          pole_id: r.pole_id,
          group_id: r.group_id,
          indicator_code: r.indicator_code,
          period: r.period,
          slice: r.slice,
          old_value: null,
          new_value: r.value,
          old_comment: null,
          new_comment: r.comment,
          version: 1,
          changed_at: at,
          changed_by: null,
          reason: 'données de démonstration',
        })),
      )
      .execute();
  }
}

const DAY_MS = 86_400_000;

const earliest = (a: string, b: string) => (a < b ? a : b);

/**
 * When a demo quarter was submitted: 6 to 27 days after its end (in time for the default 30-day
 * deadline), but 2024Q2 of the third pole, 12 days late, so the quality screens show a late
 * quarter; never after the seeding itself. Deterministic.
 */
function demoSubmitAt(period: string, poleIndex: number, seededAt: string): string {
  const q = Number(period.slice(5));
  const days = poleIndex === 2 && period === '2024Q2' ? 42 : 6 + ((poleIndex * 7 + q * 5) % 22);
  const at = `${quarterDeadline(period, days)}T09:30:00.000Z`;
  return earliest(at, seededAt);
}

async function seedStatuses(
  trx: Transaction<Database>,
  demo: DemoDefinition,
  poleIds: Map<string, number>,
  to: string,
  at: string,
) {
  const rows: Insertable<QuarterStatusTable>[] = [];
  const events: Insertable<PeriodEventTable>[] = [];
  const reason = 'données de démonstration';
  for (const [i, pole] of demo.poles.entries()) {
    const poleId = poleIds.get(pole.slug)!;
    for (let q = previousQuarter(to); q >= '2023Q1'; q = previousQuarter(q)) {
      rows.push({
        pole_id: poleId,
        period: q,
        status: 'validated',
        reason: null,
        updated_at: at,
        updated_by: null,
      });
      const submittedAt = demoSubmitAt(q, i, at);
      events.push({
        pole_id: poleId,
        period: q,
        action: 'submit',
        from_status: 'draft',
        to_status: 'submitted',
        reason,
        at: submittedAt,
        by: null,
      });
      events.push({
        pole_id: poleId,
        period: q,
        action: 'validate',
        from_status: 'submitted',
        to_status: 'validated',
        reason,
        at: earliest(new Date(Date.parse(submittedAt) + 6 * DAY_MS).toISOString(), at),
        by: null,
      });
    }
    if (i === 0) {
      rows.push({
        pole_id: poleId,
        period: to,
        status: 'submitted',
        reason: null,
        updated_at: at,
        updated_by: null,
      });
      events.push({
        pole_id: poleId,
        period: to,
        action: 'submit',
        from_status: 'draft',
        to_status: 'submitted',
        reason,
        at: demoSubmitAt(to, i, at),
        by: null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += CHUNK)
    await trx
      .insertInto('quarter_status')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  for (let i = 0; i < events.length; i += CHUNK)
    await trx
      .insertInto('period_events')
      .values(events.slice(i, i + CHUNK))
      .execute();
}
