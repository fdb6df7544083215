import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { ReminderRules } from '@ptce/shared/notifications';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { writeDigests } from './digest';
import { handOutEvents } from './hand-out';
import type { Holder } from './lease';
import { type MailTransport, retryDelayMs, type SendReport, sendDueMails } from './mail-sender';
import type { Kick } from './notify';
import { writeReminders } from './reminders';

/** How long a claim on an event or e-mail lasts: far longer than a send's SMTP timeouts. */
export const LEASE_MS = 5 * 60_000;

export interface NotifierConfig {
  rules: ReminderRules;
  /** Hour (UTC, 0–23) of the daily digest. */
  digestHour: number;
  /** The SMTP transport (PTCE_SMTP_URL, PTCE_MAIL_FROM); null: no e-mail. */
  mail: MailTransport | null;
  /** The app's address in e-mails' links (PTCE_PUBLIC_URL, or the local one; see useBaseUrl). */
  baseUrl: string;
  /** Time between two rounds (default 5 s); a kick runs one sooner. */
  tickMs?: number;
  /** Time between two reminder computations (default 10 min). */
  remindEveryMs?: number;
}

export interface RoundReport {
  reminders: number;
  handedOut: number;
  digests: number;
  mail: SendReport | null;
}

/**
 * The notifications job of one server: reminders from the quarters' states and deadlines,
 * handing out the events of the outbox, the daily digests and the e-mails — all claimed through
 * leases in the database, so that several servers (or a restart while a round ran) never hand
 * out nor send one twice. Rounds run one at a time on unref'd timers (a test or a server
 * stopping is never held), after `start()`; `kick()` asks for one soon; `stop()` waits for the
 * running round. The clock is `now` (injectable for tests).
 */
export class Notifier implements Kick {
  readonly mailEnabled: boolean;
  private readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RoundReport> | null = null;
  private again = false;
  private started = false;
  private lastReminders = Number.NEGATIVE_INFINITY;
  /** While the SMTP server cannot be reached: no send before this time (ms), and the streak. */
  private mailPause = { until: 0, failures: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: NotifierConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.mailEnabled = config.mail !== null;
  }

  /** The address e-mails link to, once known (the local port is chosen at listening). */
  useBaseUrl(url: string): void {
    this.config.baseUrl = url;
  }

  /** Starts the rounds: one at once, then every `tickMs`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** Asks for a round soon (after the caller's transaction commits). */
  kick(): void {
    if (this.started) this.schedule(20);
  }

  /** Stops the timers, waits for the round in progress and closes the SMTP transport. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    this.config.mail?.close();
  }

  /**
   * One round now (a round in progress is waited for first): reminders when due (or `force`),
   * hand-out, digests, then the e-mails due unless the SMTP server is paused after failing.
   */
  async runOnce(opts: { reminders?: boolean } = {}): Promise<RoundReport> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.round(opts.reminders ?? false);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private schedule(ms: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) {
        this.again = true;
        return;
      }
      this.runOnce()
        .catch((err) => console.error('[ptce-suivi] notifications round failed:', err))
        .finally(() => {
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 20 : (this.config.tickMs ?? 5_000));
        });
    }, ms);
    this.timer.unref();
  }

  private holder(): Holder {
    return { owner: this.owner, now: this.now(), leaseMs: LEASE_MS };
  }

  private async round(forceReminders: boolean): Promise<RoundReport> {
    const report: RoundReport = { reminders: 0, handedOut: 0, digests: 0, mail: null };
    const now = this.now();
    const remindEvery = this.config.remindEveryMs ?? 600_000;
    if (forceReminders || now.getTime() - this.lastReminders >= remindEvery) {
      report.reminders = await writeReminders(this.db, this.config.rules, now);
      this.lastReminders = now.getTime();
    }
    report.handedOut = await handOutEvents(this.db, this.holder(), {
      mailEnabled: this.mailEnabled,
    });
    if (!this.mailEnabled) return report;
    report.digests = await writeDigests(this.db, now, this.config.digestHour);
    if (now.getTime() < this.mailPause.until) return report;
    report.mail = await sendDueMails(this.db, this.holder(), {
      transport: this.config.mail!,
      baseUrl: this.config.baseUrl,
      host: new URL(this.config.baseUrl).hostname,
    });
    if (report.mail.unreachable) {
      this.mailPause.failures += 1;
      this.mailPause.until = now.getTime() + retryDelayMs(this.mailPause.failures);
    } else this.mailPause = { until: 0, failures: 0 };
    return report;
  }
}
