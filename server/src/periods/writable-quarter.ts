import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { Lang } from '@ptce/shared/format';
import { quarterTakesValues } from '@ptce/shared/period-workflow';
import type { Db } from '../db/database';
import { ApiError } from '../http/api-error';
import { t } from '../i18n/t';
import { findPeriodStatus } from './periods.repository';

export interface WritableQuarter {
  poleId: number;
  period: string;
  now: Date;
  lang: Lang;
}

/** The 422 of a batch for a quarter that has not started: the issue at path `period`. */
const futureEntries = (issue: ErrorIssue) =>
  new ApiError('INVALID_ENTRIES', undefined, [{ path: ['period'], ...issue }]);

/**
 * The one check that a pole's quarter takes values, for the values save and the import: it
 * must have started at `now` and be a draft (submitted and validated quarters are locked).
 * `refuseFuture` builds the error of a quarter not started from its `future` issue (the import
 * locates it in the file).
 * @throws 422 INVALID_ENTRIES (by default) for a quarter that has not started, 423 LOCKED for a
 *   submitted or validated one.
 */
export async function assertWritableQuarter(
  db: Db,
  q: WritableQuarter,
  refuseFuture: (issue: ErrorIssue) => ApiError = futureEntries,
): Promise<void> {
  const started = quarterTakesValues(q.period, 'draft', q.now) !== 'future';
  if (!started) throw refuseFuture({ code: 'future', message: t(q.lang, 'quarter.future') });
  const status = await findPeriodStatus(db, q.poleId, q.period);
  if (quarterTakesValues(q.period, status, q.now) === 'locked') throw new ApiError('LOCKED');
}
