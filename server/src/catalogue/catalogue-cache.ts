import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { findRetiredCodes, loadCatalogue } from './catalogue.repository';

/** The catalogue changes only on sync or admin edits: read it once, drop it on change. */
export class CatalogueCache {
  private current: Promise<Catalogue> | null = null;
  private byCode: Map<string, Catalogue['indicators'][number]> | null = null;
  private retiredCodes = new Set<string>();

  constructor(private readonly db: Kysely<Database>) {}

  get(): Promise<Catalogue> {
    if (!this.current) {
      this.current = Promise.all([loadCatalogue(this.db), findRetiredCodes(this.db)]).then(
        ([c, retired]) => {
          this.byCode = new Map(c.indicators.map((i) => [i.code, i]));
          this.retiredCodes = retired;
          return c;
        },
      );
      this.current.catch(() => {
        this.current = null;
      });
    }
    return this.current;
  }

  /** The indicators by code (after `get()` resolved). */
  async indicators(): Promise<Map<string, Catalogue['indicators'][number]>> {
    await this.get();
    return this.byCode!;
  }

  /** Codes that left the catalogue file but are kept for the values that use them. */
  async retired(): Promise<Set<string>> {
    await this.get();
    return this.retiredCodes;
  }

  invalidate(): void {
    this.current = null;
    this.byCode = null;
  }
}
