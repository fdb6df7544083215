import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 hex of a secret token: what the database stores instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random secret with a recognisable prefix (`ptce_s_` sessions, `ptce_t_` API tokens). */
export function newSecret(kind: 'session' | 'api'): string {
  return `${kind === 'session' ? 'ptce_s_' : 'ptce_t_'}${randomBytes(32).toString('base64url')}`;
}
