import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database';
import {
  type Attempt,
  deviceMac,
  deviceMatches,
  LOGIN_POLICY,
  type Logins,
  spacingFor,
} from './login-throttle';

/**
 * The advisory lock class of one account's login counts (the two-key form: its key space is apart
 * from db/engine.ts's LOCKS).
 */
const ACCOUNT_LOCK = 7_301_002;
/** The settings row of the device cookies' key. */
const DEVICE_KEY_SETTING = 'login_device_key';
const PRUNE_EVERY_MS = 60_000;

type Kind = 'pair' | 'address' | 'account' | 'spacing' | 'trusted';
interface Row {
  kind: Kind;
  hits: number;
  ends: number;
  since: number;
}
type Conn = Kysely<Database>;

/**
 * The login throttle of auth/login-throttle.ts with its counts in the database (`login_throttle`,
 * on PostgreSQL), so that guesses spread over several app servers are counted once; the device
 * cookies' key is in `settings`, written once, so that a cookie set by one server is known to
 * every other. One account's counts are read and written under an advisory lock of that
 * account (one login at a time per account, every server together); an address's count, shared
 * by every account, is taken by one atomic upsert and given back when it went past its cap.
 */
export class SharedLoginThrottle implements Logins {
  private key: Promise<Buffer> | null = null;
  private prunedAt = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async begin(
    account: string,
    address: string,
    device: string | undefined,
  ): Promise<number | Attempt> {
    await this.pruneNowAndThen();
    const expected = await this.deviceCookie(account);
    return this.locked(account, async (conn) => {
      const t = this.now();
      const rows = await this.read(conn, account, address);
      const live = (kind: Kind) => {
        const r = rows.get(kind);
        return r && r.ends > t ? r : undefined;
      };
      const trusted = live('trusted') !== undefined || deviceMatches(device, expected);
      const blocked = (kind: Kind, limit: number) => {
        const r = live(kind);
        return r && r.hits >= limit ? Math.ceil((r.ends - t) / 1000) : 0;
      };
      let wait = Math.max(
        blocked('pair', LOGIN_POLICY.perPair),
        blocked('address', LOGIN_POLICY.perAddress),
      );
      const spacing = trusted ? 0 : spacingFor(live('account')?.hits ?? 0);
      const last = rows.get('spacing')?.since;
      if (spacing > 0 && last !== undefined && t - last < spacing)
        wait = Math.max(wait, Math.ceil((spacing - (t - last)) / 1000));
      if (wait > 0) return wait;
      const counted = await this.hit(conn, account, address, t);
      // Another account's login from this address went first and took the last place.
      const addressCount = counted.get('address');
      if (addressCount && addressCount.hits > LOGIN_POLICY.perAddress) {
        await this.release(conn, account, address);
        return Math.max(1, Math.ceil((addressCount.ends - t) / 1000));
      }
      if (!trusted) await this.setLast(conn, account, t);
      return {
        cancel: () =>
          this.locked(account, async (c) => {
            await this.release(c, account, address);
            if (trusted) return;
            if (last === undefined) await this.forget(c, account, ['spacing']);
            else await this.setLast(c, account, last);
          }),
        succeeded: () =>
          this.locked(account, async (c) => {
            await sql`DELETE FROM login_throttle
              WHERE kind = 'pair' AND account = ${account} AND address = ${address}`.execute(c);
            await this.release(c, account, address, ['address', 'account']);
            await this.trust(c, account, address, this.now());
          }),
      };
    });
  }

  deviceCookie(account: string): Promise<string> {
    return this.deviceKey().then((key) => deviceMac(key, account));
  }

  forgive(account: string): Promise<void> {
    return this.locked(account, (c) => this.forget(c, account, ['pair', 'account', 'spacing']));
  }

  /** Runs `fn` on a connection holding `account`'s advisory lock. */
  private locked<T>(account: string, fn: (conn: Conn) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      await sql`SELECT pg_advisory_lock(${ACCOUNT_LOCK}, hashtext(${account}))`.execute(conn);
      try {
        return await fn(conn);
      } finally {
        await sql`SELECT pg_advisory_unlock(${ACCOUNT_LOCK}, hashtext(${account}))`.execute(conn);
      }
    });
  }

  /** The rows of an attempt on `account` from `address`, by kind. */
  private async read(conn: Conn, account: string, address: string): Promise<Map<Kind, Row>> {
    const { rows } = await sql<Row>`
      SELECT kind, hits, ends, since FROM login_throttle
      WHERE (kind, account, address) IN (
        ('pair', ${account}, ${address}), ('trusted', ${account}, ${address}),
        ('account', ${account}, ''), ('spacing', ${account}, ''), ('address', '', ${address}))`.execute(
      conn,
    );
    return new Map(rows.map((r) => [r.kind, r]));
  }

  /** Counts one attempt: on its pair, its address and its account (a new window if the last ended). */
  private async hit(
    conn: Conn,
    account: string,
    address: string,
    t: number,
  ): Promise<Map<Kind, Row>> {
    const ends = t + LOGIN_POLICY.windowMs;
    const { rows } = await sql<Row>`
      INSERT INTO login_throttle AS l (kind, account, address, hits, ends, since) VALUES
        ('pair', ${account}, ${address}, 1, ${ends}, ${t}),
        ('address', '', ${address}, 1, ${ends}, ${t}),
        ('account', ${account}, '', 1, ${ends}, ${t})
      ON CONFLICT (kind, account, address) DO UPDATE SET
        hits = CASE WHEN l.ends <= excluded.since THEN 1 ELSE l.hits + 1 END,
        ends = CASE WHEN l.ends <= excluded.since THEN excluded.ends ELSE l.ends END,
        since = CASE WHEN l.ends <= excluded.since THEN excluded.since ELSE l.since END
      RETURNING kind, hits, ends, since`.execute(conn);
    return new Map(rows.map((r) => [r.kind, r]));
  }

  /** Takes back one attempt counted by `hit` (a success counted in advance, or one not made). */
  private async release(
    conn: Conn,
    account: string,
    address: string,
    kinds: Kind[] = ['pair', 'address', 'account'],
  ): Promise<void> {
    const keys = kinds.map((k) =>
      k === 'pair'
        ? sql`('pair', ${account}, ${address})`
        : k === 'address'
          ? sql`('address', '', ${address})`
          : sql`('account', ${account}, '')`,
    );
    await sql`UPDATE login_throttle SET hits = hits - 1
      WHERE hits > 0 AND (kind, account, address) IN (${sql.join(keys)})`.execute(conn);
  }

  /** Records when an untrusted attempt on `account` last went through (it matters for 15 s at most). */
  private async setLast(conn: Conn, account: string, t: number): Promise<void> {
    const ends = t + LOGIN_POLICY.slowerSpacingMs;
    await sql`INSERT INTO login_throttle (kind, account, address, hits, ends, since)
      VALUES ('spacing', ${account}, '', 0, ${ends}, ${t})
      ON CONFLICT (kind, account, address) DO UPDATE SET ends = excluded.ends, since = excluded.since`.execute(
      conn,
    );
  }

  /** Trusts `address` for `account` (a successful login) for LOGIN_POLICY.trustMs. */
  private async trust(conn: Conn, account: string, address: string, t: number): Promise<void> {
    await sql`INSERT INTO login_throttle (kind, account, address, hits, ends, since)
      VALUES ('trusted', ${account}, ${address}, 0, ${t + LOGIN_POLICY.trustMs}, ${t})
      ON CONFLICT (kind, account, address) DO UPDATE SET ends = excluded.ends, since = excluded.since`.execute(
      conn,
    );
  }

  private async forget(conn: Conn, account: string, kinds: Kind[]): Promise<void> {
    await sql`DELETE FROM login_throttle WHERE account = ${account}
      AND kind IN (${sql.join(kinds)})`.execute(conn);
  }

  /** Drops the rows that no longer matter (ended windows, trusts and spacings), once a minute. */
  private async pruneNowAndThen(): Promise<void> {
    const t = this.now();
    if (t - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = t;
    await sql`DELETE FROM login_throttle WHERE ends <= ${t}`.execute(this.db);
  }

  /** The device cookies' key: read from `settings`, written there by the first server that needs it. */
  private deviceKey(): Promise<Buffer> {
    if (!this.key) {
      this.key = (async () => {
        await this.db
          .insertInto('settings')
          .values({ key: DEVICE_KEY_SETTING, value: randomBytes(32).toString('base64') })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const row = await this.db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', DEVICE_KEY_SETTING)
          .executeTakeFirstOrThrow();
        return Buffer.from(row.value, 'base64');
      })();
      this.key.catch(() => {
        this.key = null;
      });
    }
    return this.key;
  }
}
