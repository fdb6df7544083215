import type { ReminderRules } from '@ptce/shared/notifications';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { TestInstance } from '../test-support/test-instance';
import type { MailTransport } from './mail-sender';
import { Notifier } from './notifier';

/** The default settings of the reminders (env.ts), with the test instance's 30-day deadline. */
export const RULES: ReminderRules = {
  deadlineDays: 30,
  dueSoonDays: 7,
  overdueEveryDays: 7,
  overdueMax: 3,
  resubmitDays: 15,
};

/** No reminder at all: the tests of other events see only theirs. */
export const NO_REMINDERS: ReminderRules = { ...RULES, dueSoonDays: 0, overdueMax: 0 };

/** A Notifier on the test instance's database and clock, never started (tests run rounds). */
export function testNotifier(
  t: TestInstance,
  opts: {
    mail?: MailTransport | null;
    db?: Kysely<Database>;
    digestHour?: number;
    rules?: ReminderRules;
  } = {},
): Notifier {
  const notifier = new Notifier(
    opts.db ?? t.db,
    {
      rules: opts.rules ?? RULES,
      digestHour: opts.digestHour ?? 6,
      mail: opts.mail ?? null,
      baseUrl: 'https://suivi.example.org',
    },
    t.deps.now,
  );
  if (!opts.db) t.deps.notifier = notifier;
  return notifier;
}

/** The id of the account with this e-mail. */
export async function userId(t: TestInstance, email: string): Promise<number> {
  const u = await t.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return u.id;
}
