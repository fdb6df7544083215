import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt N=2^15, r=8, p=1 (OWASP's minimum is 2^17 for r=8,p=1 with less memory; 2^15 keeps a
// login under ~60 ms on a 2-core machine). The parameters travel in the hash so they can rise.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** scrypt of one password: where it runs is the caller's choice (the server: a low-priority thread). */
export type Derive = (
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
) => Promise<Buffer>;

/** scrypt on libuv's thread pool (seeding, tests, the command-line tools). */
export const deriveOnPool: Derive = (password, salt, n, r, p) =>
  new Promise((resolve, reject) => {
    scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

/** scrypt on the calling thread, for the hashing worker threads (workers/hash-worker.ts). */
export function deriveHere(
  password: string,
  salt: Uint8Array,
  n: number,
  r: number,
  p: number,
): Buffer {
  return scryptSync(password, salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM });
}

/**
 * Hashes a password as `scrypt$N$r$p$salt$key` (base64url), of its NFC form (an « é » typed as
 * one character or as e + accent is the same password). Never logs the password.
 */
export async function hashPassword(
  password: string,
  derive: Derive = deriveOnPool,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password.normalize('NFC'), salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * True when `password` matches `stored`; false for any malformed hash. Constant-time compare.
 * Its NFC form is tried first; a hash made before passwords were normalised may hold another
 * form, so the password as typed is tried next when it differs (the time depends on the input
 * only, never on the account).
 */
export async function verifyPassword(
  password: string,
  stored: string,
  derive: Derive = deriveOnPool,
): Promise<boolean> {
  const [algo, n, r, p, salt, key] = stored.split('$');
  if (algo !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const matches = async (form: string) => {
    const actual = await derive(form, Buffer.from(salt, 'base64url'), +n, +r, +p);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
  const nfc = password.normalize('NFC');
  if (await matches(nfc)) return true;
  return nfc !== password && matches(password);
}

/** A password hash nobody can match, to spend the same time on unknown accounts. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEYLEN).toString('base64url')}`;

/** A random password for generated accounts: 16 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
