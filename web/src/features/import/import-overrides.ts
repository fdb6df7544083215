import type { ImportRuleIssue } from '@ptce/shared/imports.schema';
import type { ViolationOverride } from '@ptce/shared/values.schema';
import { validReason, violationKey } from '@ptce/shared/values.wire';

/** The key of the reason typed for an import's rule error (its violation's). */
export const errorKey = (e: ImportRuleIssue) => violationKey(e);

/**
 * The reasons per violation to send with an import: each rule error of its dry run with a
 * valid typed reason (trimmed); `missing` counts the errors still without one.
 */
export function overridesFor(
  errors: readonly ImportRuleIssue[],
  texts: Record<string, string>,
): { overrides: ViolationOverride[]; missing: number } {
  const overrides: ViolationOverride[] = [];
  let missing = 0;
  for (const e of errors) {
    const reason = validReason(texts[errorKey(e)]);
    if (reason === null) missing++;
    else
      overrides.push({ rule: e.rule, scope: e.scope, slice: e.slice, subject: e.subject, reason });
  }
  return { overrides, missing };
}
