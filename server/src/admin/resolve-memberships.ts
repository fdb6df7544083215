import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { MembershipInput } from '@ptce/shared/users.schema';
import type { Db } from '../db/database';
import { ApiError } from '../http/api-error';
import { t } from '../i18n/t';
import { poleIdsBySlug } from '../poles/poles.repository';
import { listRegionCodes } from './regions.repository';

export type ResolvedMembership = MembershipInput & { poleId: number | null };

/**
 * Resolves pole slugs to ids and checks regions exist.
 * @throws ApiError 422 INVALID_ENTRIES listing each unknown pole or region (path `memberships.i`).
 */
export async function resolveMemberships(
  db: Db,
  memberships: MembershipInput[],
  lang: Lang,
): Promise<ResolvedMembership[]> {
  const poles = await poleIdsBySlug(db);
  const regions = await listRegionCodes(db);
  const issues: ErrorIssue[] = [];
  memberships.forEach((m, i) => {
    if (m.pole && !poles.has(m.pole))
      issues.push({
        path: ['memberships', i, 'pole'],
        code: 'unknown_pole',
        message: t(lang, 'admin.unknownPole', { pole: m.pole }),
      });
    if (m.region && !regions.has(m.region))
      issues.push({
        path: ['memberships', i, 'region'],
        code: 'unknown_region',
        message: t(lang, 'admin.unknownRegion', { region: m.region }),
      });
  });
  if (issues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, issues);
  return memberships.map((m) => ({ ...m, poleId: m.pole ? poles.get(m.pole)! : null }));
}
