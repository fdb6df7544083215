import type { RegionValuesResponse } from '@ptce/shared/region-values.schema';
import { openSnapshot } from '../db/create-db';
import { type RegionValuesInput, regionValues } from './region-values';

/** The `region-values` job: a region's figures, computed from the worker's own snapshot. */
export interface RegionValuesJob {
  /** The database file: the worker reads it through its own read-only snapshot. */
  dbFile: string;
  input: RegionValuesInput;
}

/**
 * The region dashboard's answer, built in the `reads` pool (see workers/worker.ts): a cold
 * answer reads ~21 000 totals and runs two engines over them (~100 ms for a region of 24 poles
 * over 19 quarters), which on the request thread would hold every other request that long.
 */
export const regionJobs = {
  'region-values': async (job: RegionValuesJob): Promise<RegionValuesResponse> => {
    const snap = await openSnapshot(job.dbFile);
    try {
      return await regionValues(snap.db, job.input);
    } finally {
      await snap.close();
    }
  },
};
