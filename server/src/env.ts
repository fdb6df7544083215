import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PTCE_DB: z.string().min(1).default('./var/ptce-suivi.sqlite'),
  /**
   * A PostgreSQL database (`postgres://user:password@host:5432/name`) instead of the SQLite file
   * of PTCE_DB: several app servers can share it (docs/deploy.md).
   */
  PTCE_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i, { message: 'a postgres:// or postgresql:// URL' })
    .optional(),
  /** Connections each app server keeps to PostgreSQL. */
  PTCE_PG_POOL: z.coerce.number().int().min(2).max(200).default(10),
  PTCE_DEMO: flag.default(true),
  PTCE_ADMIN_EMAIL: z.email().optional(),
  PTCE_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Session lifetime in hours. */
  PTCE_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /**
   * The address users reach the app at (`https://suivi.example.org`): requests for another host
   * are refused, cookie writes must come from it (or PTCE_ORIGINS), cookies are Secure and HSTS
   * is sent when it is https. Unset (local use): loopback names and IP literals only.
   */
  PTCE_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((s) => new URL(s))
    .refine((u) => u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password, {
      message: 'an origin only (scheme://host[:port]), no path, query or credentials',
    })
    .optional(),
  /** Extra origins allowed to send cookie-authenticated writes (comma-separated). */
  PTCE_ORIGINS: z.string().default(''),
  /** Trust X-Forwarded-Proto/-For from a reverse proxy. */
  PTCE_TRUST_PROXY: flag.default(false),
  /** Folder of the built web app served at `/`. */
  PTCE_WEB_DIST: z.string().optional(),
  /** Days after a quarter's end before it is overdue. */
  PTCE_DEADLINE_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  /**
   * The SMTP server notifications are sent through: `smtp://` (STARTTLS when offered) or
   * `smtps://`, credentials in the URL (`smtp://user:pass@host:587`). Unset: no e-mail.
   */
  PTCE_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of notification e-mails (`PTCE Suivi <suivi@example.org>`); with PTCE_SMTP_URL. */
  PTCE_MAIL_FROM: z.string().trim().min(3).max(320).optional(),
  /** Days before a quarter's deadline its coordinators are told it is due (0: never). */
  PTCE_REMIND_BEFORE_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** Days between two reminders of an overdue quarter (0: one reminder only). */
  PTCE_REMIND_OVERDUE_EVERY_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** Most reminders of an overdue quarter, per deadline (0: none). */
  PTCE_REMIND_OVERDUE_MAX: z.coerce.number().int().min(0).max(10).default(3),
  /** Days a quarter sent back or reopened has to be submitted again, from that day. */
  PTCE_RESUBMIT_DAYS: z.coerce.number().int().min(0).max(365).default(15),
  /** Hour (UTC, 0–23) of the daily digest e-mail. */
  PTCE_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(6),
  /** Megabytes of computed answers kept in memory, gzipped (0: none, every answer computed). */
  PTCE_CACHE_MB: z.coerce.number().int().min(0).max(1024).default(16),
  /**
   * Milliseconds the server may spend, before it listens, reading every pole's default
   * dashboard to warm its code and caches (http/warm-up.ts; 0: none).
   */
  PTCE_WARM_UP_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** Benchmark-only routes (the framework ceiling of `pnpm bench`); never in production. */
  PTCE_BENCH: flag.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Parses the settings of DESIGN.md "Running it" from `source` (default `process.env`).
 * Throws an Error listing every invalid setting; the only reader of `process.env`.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  if (parsed.data.PTCE_ADMIN_EMAIL && !parsed.data.PTCE_ADMIN_PASSWORD) {
    throw new Error('Invalid settings:\n  PTCE_ADMIN_PASSWORD: required with PTCE_ADMIN_EMAIL');
  }
  if (parsed.data.PTCE_SMTP_URL && !parsed.data.PTCE_MAIL_FROM) {
    throw new Error('Invalid settings:\n  PTCE_MAIL_FROM: required with PTCE_SMTP_URL');
  }
  return parsed.data;
}
