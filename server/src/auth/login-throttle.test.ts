import { describe, expect, it } from 'vitest';
import { type Attempt, addressKey, LOGIN_POLICY, LoginThrottle } from './login-throttle';

function throttle() {
  let t = 1_000_000;
  return { th: new LoginThrottle(() => t), advance: (ms: number) => (t += ms) };
}

/** One attempt: the seconds to wait, or the attempt ended as a failure / a success. */
function fail(th: LoginThrottle, account: string, address: string, device?: string): number {
  const a = th.begin(account, address, device);
  return typeof a === 'number' ? a : 0;
}
function succeed(th: LoginThrottle, account: string, address: string, device?: string): number {
  const a = th.begin(account, address, device);
  if (typeof a === 'number') return a;
  a.succeeded();
  return 0;
}

describe('LoginThrottle', () => {
  it('locks one (account, address) pair after 5 failures, for the rest of its 15-minute window', () => {
    const { th, advance } = throttle();
    for (let i = 0; i < 5; i++) expect(fail(th, 'a@x', '10.0.0.1')).toBe(0);
    expect(fail(th, 'a@x', '10.0.0.1')).toBe(900);
    expect(succeed(th, 'a@x', '10.0.0.2')).toBe(0);
    expect(succeed(th, 'b@x', '10.0.0.1')).toBe(0);
    advance(LOGIN_POLICY.windowMs);
    expect(succeed(th, 'a@x', '10.0.0.1')).toBe(0);
  });

  it('caps one address at 30 failures over every account', () => {
    const { th } = throttle();
    for (let i = 0; i < 30; i++) expect(fail(th, `u${i}@x`, '10.0.0.1')).toBe(0);
    expect(fail(th, 'owner@x', '10.0.0.1')).toBeGreaterThan(0);
    expect(succeed(th, 'owner@x', '10.0.0.2')).toBe(0);
  });

  it('spaces untrusted attempts on an account past 10 failures from many addresses (3 s, then 15 s past 100), never for long', () => {
    const { th, advance } = throttle();
    for (let i = 0; i < 10; i++) expect(fail(th, 'a@x', `10.0.1.${i}`)).toBe(0);
    expect(fail(th, 'a@x', '10.0.2.1')).toBe(3);
    advance(3_000);
    expect(succeed(th, 'a@x', '10.0.2.1')).toBe(0);
    expect(fail(th, 'a@x', '10.0.2.2')).toBe(3);
    for (let i = 0; i < 100; i++) {
      advance(3_000);
      fail(th, 'a@x', `10.0.3.${i}`);
    }
    expect(fail(th, 'a@x', '10.0.4.1')).toBe(15);
    advance(15_000);
    expect(succeed(th, 'a@x', '10.0.4.1')).toBe(0);
  });

  it('does not space an address or a device that logged in to the account before', () => {
    const { th } = throttle();
    expect(succeed(th, 'a@x', '10.0.0.1')).toBe(0);
    const device = th.deviceCookie('a@x');
    for (let i = 0; i < 20; i++) fail(th, 'a@x', `10.0.1.${i}`);
    expect(fail(th, 'a@x', '10.0.2.1')).toBeGreaterThan(0);
    expect(succeed(th, 'a@x', '10.0.0.1')).toBe(0);
    expect(succeed(th, 'a@x', '10.9.9.9', device)).toBe(0);
    // another account's device cookie, or a forged one, is no proof
    expect(fail(th, 'a@x', '10.9.9.8', th.deviceCookie('b@x'))).toBeGreaterThan(0);
    expect(fail(th, 'a@x', '10.9.9.8', 'x'.repeat(43))).toBeGreaterThan(0);
  });

  it('takes back an attempt that was not made (the hashing queue refused it)', () => {
    const { th } = throttle();
    for (let i = 0; i < 20; i++) {
      const a = th.begin('a@x', '10.0.0.1', undefined) as Attempt;
      expect(typeof a).toBe('object');
      a.cancel();
    }
    expect(succeed(th, 'a@x', '10.0.0.1')).toBe(0);
  });

  it('forgives an account’s failures from every address when an admin sets its password', () => {
    const { th } = throttle();
    for (let i = 0; i < 5; i++) fail(th, 'a@x', '10.0.0.1');
    for (let i = 0; i < 10; i++) fail(th, 'a@x', `10.0.1.${i}`);
    expect(fail(th, 'a@x', '10.0.0.1')).toBeGreaterThan(0);
    th.forgive('a@x');
    expect(succeed(th, 'a@x', '10.0.0.1')).toBe(0);
    expect(succeed(th, 'a@x', '10.0.2.1')).toBe(0);
  });

  it('keys addresses: IPv4 as is, IPv4-mapped unwrapped, IPv6 by its /64', () => {
    expect(addressKey('127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
