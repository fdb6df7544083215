import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RateLimiter } from './rate-limit';

const MINUTE = 60_000;
/** The login throttling policy (docs/decisions.md, "Login throttling"). */
export const LOGIN_POLICY = {
  /** Failures of one account from one address, per window: past them that pair waits. */
  perPair: 5,
  /** Failures from one address, every account together, per window. */
  perAddress: 30,
  windowMs: 15 * MINUTE,
  /** Failures of one account (any address) per window after which untrusted attempts are spaced… */
  slowAfter: 10,
  /** …by this much, account-wide… */
  spacingMs: 3_000,
  /** …and by this much past this many failures. */
  slowerAfter: 100,
  slowerSpacingMs: 15_000,
  /** A successful login trusts its address (and its device cookie) for this account this long. */
  trustMs: 30 * 24 * 60 * MINUTE,
} as const;

const MAX_TRUSTED = 100_000;

/** One attempt let through: `cancel` when it was not made after all, `succeeded` when it logged in. */
export interface Attempt {
  cancel(): void | Promise<void>;
  succeeded(): void | Promise<void>;
}

/**
 * The login throttle as the routes use it: in memory on SQLite (`LoginThrottle`), in the
 * database on PostgreSQL where several servers share the counts (`SharedLoginThrottle`).
 */
export interface Logins {
  /**
   * Seconds before `account` may be tried from `address` (429 Retry-After), or the attempt,
   * counted already so that parallel guesses are counted too.
   */
  begin(
    account: string,
    address: string,
    device: string | undefined,
  ): number | Attempt | Promise<number | Attempt>;
  /** The device cookie's value for `account`: proves a login to it succeeded on this device. */
  deviceCookie(account: string): string | Promise<string>;
  /** Forgets the failures of `account`, from every address (an admin set its password). */
  forgive(account: string): void | Promise<void>;
}

/**
 * The key of a client address: an IPv4 address as is (IPv4-mapped IPv6 unwrapped), an IPv6
 * address by its /64 (one subscriber's network, which it can fill with addresses at will).
 */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The spacing of untrusted attempts on an account with `failures` in its window (ms, 0: none). */
export function spacingFor(failures: number): number {
  if (failures >= LOGIN_POLICY.slowerAfter) return LOGIN_POLICY.slowerSpacingMs;
  if (failures >= LOGIN_POLICY.slowAfter) return LOGIN_POLICY.spacingMs;
  return 0;
}

/** The device cookie of `account` under `key`: an HMAC of the account. */
export const deviceMac = (key: Buffer, account: string) =>
  createHmac('sha256', key).update(account).digest('base64url');

/** Whether a device cookie sent is the one expected (in constant time). */
export function deviceMatches(device: string | undefined, expected: string): boolean {
  if (!device || device.length > 100) return false;
  const a = Buffer.from(device);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Failed logins, in memory (on SQLite one process serves an instance; a restart forgets them). Counted
 * per (account, address) so nobody locks an owner out, per address as a cap, and per account
 * to space out guesses spread over many addresses, except from addresses and devices that
 * logged in to that account before.
 */
export class LoginThrottle implements Logins {
  private readonly pairs: RateLimiter;
  private readonly addresses: RateLimiter;
  private readonly accounts: RateLimiter;
  /** Account → when an untrusted attempt last went through. */
  private readonly lastUntrusted = new Map<string, number>();
  /** `account\naddress` → until when the pair is trusted. */
  private readonly trusted = new Map<string, number>();
  private readonly deviceKey = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {
    const w = LOGIN_POLICY.windowMs;
    this.pairs = new RateLimiter(LOGIN_POLICY.perPair, w, now);
    this.addresses = new RateLimiter(LOGIN_POLICY.perAddress, w, now);
    this.accounts = new RateLimiter(Number.MAX_SAFE_INTEGER, w, now);
  }

  /**
   * Seconds before `account` may be tried from `address` (429 Retry-After), or the attempt,
   * counted already so that parallel guesses are counted too.
   */
  begin(account: string, address: string, device: string | undefined): number | Attempt {
    const pair = `${account}\n${address}`;
    const t = this.now();
    const trusted = this.isTrusted(account, pair, device, t);
    let wait = Math.max(this.pairs.blockedFor(pair), this.addresses.blockedFor(address));
    const spacing = trusted ? 0 : this.spacingOf(account);
    const last = this.lastUntrusted.get(account);
    if (spacing > 0 && last !== undefined && t - last < spacing)
      wait = Math.max(wait, Math.ceil((spacing - (t - last)) / 1000));
    if (wait > 0) return wait;
    this.pairs.hit(pair);
    this.addresses.hit(address);
    this.accounts.hit(account);
    if (!trusted) {
      if (this.lastUntrusted.size > MAX_TRUSTED) this.lastUntrusted.clear();
      this.lastUntrusted.set(account, t);
    }
    return {
      cancel: () => {
        this.pairs.release(pair);
        this.addresses.release(address);
        this.accounts.release(account);
        if (!trusted) {
          if (last === undefined) this.lastUntrusted.delete(account);
          else this.lastUntrusted.set(account, last);
        }
      },
      succeeded: () => {
        this.pairs.reset(pair);
        this.addresses.release(address);
        this.accounts.release(account);
        this.trust(pair);
      },
    };
  }

  /** The device cookie's value for `account`: proves a login to it succeeded on this device. */
  deviceCookie(account: string): string {
    return deviceMac(this.deviceKey, account);
  }

  /** Forgets the failures of `account`, from every address (an admin set its password). */
  forgive(account: string): void {
    this.pairs.resetPrefix(`${account}\n`);
    this.accounts.reset(account);
    this.lastUntrusted.delete(account);
  }

  private spacingOf(account: string): number {
    return spacingFor(this.accounts.count(account));
  }

  private isTrusted(account: string, pair: string, device: string | undefined, t: number) {
    const until = this.trusted.get(pair);
    if (until !== undefined && until > t) return true;
    return deviceMatches(device, this.deviceCookie(account));
  }

  private trust(pair: string): void {
    const t = this.now();
    this.trusted.delete(pair);
    this.trusted.set(pair, t + LOGIN_POLICY.trustMs);
    if (this.trusted.size <= MAX_TRUSTED) return;
    for (const [k, until] of this.trusted) if (until <= t) this.trusted.delete(k);
    // Still too many: forget the oldest (a Map iterates in insertion order).
    for (const k of this.trusted.keys()) {
      if (this.trusted.size <= MAX_TRUSTED) break;
      this.trusted.delete(k);
    }
  }
}
