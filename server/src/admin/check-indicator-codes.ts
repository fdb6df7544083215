import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { t } from '../i18n/t';

/**
 * The issues of a list of indicator codes a scope should track: every code must be in the
 * catalogue; a retired code may stay where it is already tracked but cannot be added.
 * Returns [] when all are acceptable.
 */
export function checkIndicatorCodes(
  codes: readonly string[],
  ctx: { known: ReadonlySet<string>; retired: ReadonlySet<string>; tracked: ReadonlySet<string> },
  lang: Lang,
): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  codes.forEach((code, i) => {
    if (!ctx.known.has(code))
      issues.push({
        path: ['indicators', i],
        code: 'unknown_indicator',
        message: t(lang, 'entries.unknownIndicator', { indicator: code }),
        indicator: code,
      });
    else if (ctx.retired.has(code) && !ctx.tracked.has(code))
      issues.push({
        path: ['indicators', i],
        code: 'retired_indicator',
        message: t(lang, 'admin.retiredIndicator', { indicator: code }),
        indicator: code,
      });
  });
  return issues;
}
