import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { claimMails, type Holder } from './lease';
import { mailContent } from './mail-content';
import { renderMail } from './render-mail';

/** One message handed to the SMTP server. */
interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same on every attempt: a receiving system that dedupes by Message-ID drops a resend. */
  messageId: string;
  lang: string;
}

/** Sends one message; rejects when the server cannot be reached or refuses it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** First retry after 30 s, then doubling, at most an hour apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** An e-mail still failing this long after it was written is given up (`failed`). */
const GIVE_UP_MS = 3 * 86_400_000;

/** The error of a failed send as the outbox keeps it: SMTP code and message, short. */
function describe(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const parts = [e.responseCode ? String(e.responseCode) : e.code, e.message ?? String(err)];
  return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 500);
}

/** An error on the way to the server (no SMTP answer): the others would fail the same way. */
const unreachable = (err: unknown) => !(err as { responseCode?: number }).responseCode;

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** The server could not be reached: the round stopped there. */
  unreachable: boolean;
}

/**
 * Sends the e-mails due: claims up to `limit` (lease), then one by one reads what each says now
 * (`mailContent`: nothing for a recipient disabled or no longer concerned → `skipped`), sends it
 * and marks it `sent`; a failure keeps it `waiting` with its reason and the next attempt after
 * `retryDelayMs` (`failed` after GIVE_UP_MS). Every update requires the lease, so a holder that
 * lost it writes nothing. A server that cannot be reached ends the round: the mails claimed and
 * not tried are released untouched. Never throws for a send; the outbox holds the outcome.
 */
export async function sendDueMails(
  db: Kysely<Database>,
  h: Holder,
  opts: { transport: MailTransport; baseUrl: string; host: string; limit?: number },
): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0, skipped: 0, unreachable: false };
  const ids = await claimMails(db, h, opts.limit ?? 20);
  const mine = (id: number) =>
    db.updateTable('mail_outbox').where('id', '=', id).where('lease_owner', '=', h.owner);
  for (const id of ids) {
    if (report.unreachable) {
      await mine(id).set({ lease_owner: null, lease_until: null }).execute();
      continue;
    }
    const content = await mailContent(db, id);
    if (!content) {
      await mine(id).set({ state: 'skipped', lease_owner: null, lease_until: null }).execute();
      report.skipped += 1;
      continue;
    }
    const row = await db
      .selectFrom('mail_outbox')
      .select(['type', 'created_at', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const rendered = renderMail(content.items, content.lang, {
      baseUrl: opts.baseUrl,
      ...(row.type === 'digest' ? { digestDay: h.now.toISOString().slice(0, 10) } : {}),
    });
    const attempts = row.attempts + 1;
    try {
      await opts.transport.send({
        to: content.to,
        ...rendered,
        messageId: `<ptce-${id}-${Date.parse(row.created_at)}@${opts.host}>`,
        lang: content.lang,
      });
      await mine(id)
        .set({
          state: 'sent',
          attempts,
          sent_at: h.now.toISOString(),
          to_address: content.to,
          last_error: null,
          lease_owner: null,
          lease_until: null,
        })
        .execute();
      report.sent += 1;
    } catch (err) {
      const givenUp = h.now.getTime() - Date.parse(row.created_at) >= GIVE_UP_MS;
      await mine(id)
        .set({
          state: givenUp ? 'failed' : 'waiting',
          attempts,
          last_error: describe(err),
          to_address: content.to,
          next_attempt_at: new Date(h.now.getTime() + retryDelayMs(attempts)).toISOString(),
          lease_owner: null,
          lease_until: null,
        })
        .execute();
      if (givenUp) report.failed += 1;
      else report.retried += 1;
      if (unreachable(err)) report.unreachable = true;
    }
  }
  return report;
}
