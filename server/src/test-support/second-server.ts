import { createApp } from '../app';
import { AppCache } from '../cache/app-cache';
import { CatalogueCache } from '../catalogue/catalogue-cache';
import { connect } from '../db/create-db';
import type { AppDeps } from '../http/app-env';
import { defaultLimits, threadDerive } from '../instance';
import type { TestInstance } from './test-instance';

/**
 * A second app server on the database of the test instance `t`, as a second process would be:
 * its own connection pool, caches, login throttle and hashing queue, over the same database (it
 * shares `t`'s worker threads, which keep nothing between jobs). Close it before `t`.
 */
export function createSecondServer(t: TestInstance) {
  const { db } = connect(t.file, 4);
  const deps: AppDeps = {
    ...t.deps,
    db,
    catalogue: new CatalogueCache(db),
    cache: new AppCache(),
    limits: defaultLimits(threadDerive(t.deps.workers), db),
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    db,
    async close() {
      await db.destroy();
    },
  };
}
