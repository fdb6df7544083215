import { randomBytes, scrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

const NFC = 'Thé-à-l’été-Noël';
const NFD = NFC.normalize('NFD');

/** A hash as the server made it before passwords were normalised: of the bytes as typed. */
function legacyHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 << 20 }, (err, key) =>
      err
        ? reject(err)
        : resolve(
            ['scrypt', 1 << 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join(
              '$',
            ),
          ),
    ),
  );
}

describe('passwords', () => {
  it('hashes the NFC form: a password set in one form matches in the other', async () => {
    expect(NFD).not.toBe(NFC);
    const fromNfc = await hashPassword(NFC);
    expect(await verifyPassword(NFD, fromNfc)).toBe(true);
    const fromNfd = await hashPassword(NFD);
    expect(await verifyPassword(NFC, fromNfd)).toBe(true);
    expect(await verifyPassword('The-a-l’ete-Noel', fromNfc)).toBe(false);
  });

  it('still accepts a hash made of a non-NFC password before normalisation, typed as it was', async () => {
    const old = await legacyHash(NFD);
    expect(await verifyPassword(NFD, old)).toBe(true);
    expect(await verifyPassword(`${NFD}x`, old)).toBe(false);
  });

  it('refuses malformed hashes', async () => {
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$')).toBe(false);
  });
});
