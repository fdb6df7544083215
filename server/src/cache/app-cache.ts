import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal';
import type { PoleRow } from '../db/database';
import type { ScopeRow } from '../poles/poles.repository';
import type { RegionWithPoles } from '../regions/regions.repository';
import { ByteLru } from './byte-lru';
import { DataEpochs } from './data-epochs';

interface Stamped<T> {
  value: T;
  epoch: number;
  at: number;
}

/** A cached caller is checked against the database again after this long (token last use). */
const PRINCIPAL_TTL_MS = 60_000;

/**
 * The server's in-memory caches, all invalidated by the data epochs: who a credential is, poles
 * by slug, a pole's scopes, regions with their poles, and serialised JSON answers of read endpoints. Memory is the right
 * place; a restart starts cold and correct. On SQLite one process serves an instance; on
 * PostgreSQL the epochs also follow the other servers' writes (cache/shared-versions.ts).
 */
export class AppCache {
  readonly epochs = new DataEpochs();
  private readonly principals = new Map<string, Stamped<Principal>>();
  private readonly poles = new Map<string, Stamped<PoleRow>>();
  private readonly scopes = new Map<number, Stamped<ScopeRow[]>>();
  private readonly regions = new Map<string, Stamped<RegionWithPoles>>();
  readonly responses: ByteLru;
  /**
   * Answers being computed, by response key: concurrent requests for the same missing answer
   * wait for the one computation (fifty clients opening the same dashboard compute it once).
   */
  readonly computing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  /** Tells this process's ETags from an earlier one's (versions restart at 0). */
  readonly nonce = randomBytes(4).toString('hex');

  /** `responseBytes`: the size of the answers kept, encoded. */
  constructor(responseBytes = 16 * 1024 * 1024) {
    this.responses = new ByteLru(responseBytes);
  }

  private fresh<K, T>(map: Map<K, Stamped<T>>, key: K): T | undefined {
    const hit = map.get(key);
    if (hit && hit.epoch === this.epochs.globalEpoch) return hit.value;
    if (hit) map.delete(key);
    return undefined;
  }

  principal(credential: string, now: number): Principal | undefined {
    const hit = this.principals.get(credential);
    if (hit && now - hit.at > PRINCIPAL_TTL_MS) this.principals.delete(credential);
    return this.fresh(this.principals, credential);
  }

  setPrincipal(credential: string, p: Principal): void {
    if (this.principals.size > 10_000) this.principals.clear();
    this.principals.set(credential, { value: p, epoch: this.epochs.globalEpoch, at: Date.now() });
  }

  forgetPrincipal(credential: string): void {
    this.principals.delete(credential);
  }

  /** Forgets every cached caller (another server on the database logged one out). */
  forgetPrincipals(): void {
    this.principals.clear();
  }

  pole(slug: string): PoleRow | undefined {
    return this.fresh(this.poles, slug);
  }

  setPole(slug: string, row: PoleRow): void {
    this.poles.set(slug, { value: row, epoch: this.epochs.globalEpoch, at: 0 });
  }

  /** A region and its poles (which only administration changes: the global epoch). */
  region(code: string): RegionWithPoles | undefined {
    return this.fresh(this.regions, code);
  }

  setRegion(code: string, region: RegionWithPoles): void {
    if (this.regions.size > 1000) this.regions.clear();
    this.regions.set(code, { value: region, epoch: this.epochs.globalEpoch, at: 0 });
  }

  scopesOf(poleId: number): ScopeRow[] | undefined {
    return this.fresh(this.scopes, poleId);
  }

  setScopes(poleId: number, rows: ScopeRow[]): void {
    this.scopes.set(poleId, { value: rows, epoch: this.epochs.globalEpoch, at: 0 });
  }
}
