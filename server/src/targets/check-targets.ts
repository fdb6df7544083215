import { INTEGER_UNITS, type Indicator } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { exceedsDecimals } from '@ptce/shared/format';
import type { TargetEntry } from '@ptce/shared/targets.schema';
import { t } from '../i18n/t';
import type { ScopeRow } from '../poles/poles.repository';

/**
 * Checks yearly targets: one per scope and indicator, tracked and not retired; whole numbers
 * for count/persons, the indicator's decimals, never negative; a yearly flow target at most
 * four times the quarter bound, a stock at most the bound, a percentage at most 100.
 */
export function checkTargets(
  targets: TargetEntry[],
  ctx: { scopes: ScopeRow[]; byCode: Map<string, Indicator>; retired: Set<string>; lang: Lang },
): ErrorIssue[] {
  const { lang } = ctx;
  const scopes = new Map(ctx.scopes.map((s) => [s.slug, s]));
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  targets.forEach((target, i) => {
    const fail = (code: string, message: string) =>
      issues.push({
        path: ['targets', i],
        code,
        message,
        scope: target.scope,
        indicator: target.indicator,
      });
    const key = `${target.scope}|${target.indicator}`;
    if (seen.has(key)) fail('duplicate', t(lang, 'targets.duplicate'));
    seen.add(key);
    const scope = scopes.get(target.scope);
    const ind = ctx.byCode.get(target.indicator);
    if (
      !scope ||
      !ind ||
      ctx.retired.has(target.indicator) ||
      !scope.indicators.includes(target.indicator)
    ) {
      fail(
        'not_tracked',
        t(lang, 'targets.notTracked', { indicator: target.indicator, scope: target.scope }),
      );
      return;
    }
    if (target.value === null) return;
    const v = target.value;
    if (v < 0) fail('min', t(lang, 'targets.negative'));
    if (INTEGER_UNITS.includes(ind.unit) && !Number.isInteger(v)) {
      fail('integer', t(lang, 'entries.integer', { indicator: ind.code }));
    } else if (exceedsDecimals(v, ind.decimals)) {
      fail(
        'decimals',
        t(lang, 'entries.decimals', { indicator: ind.code, decimals: ind.decimals }),
      );
    }
    const max =
      ind.kind === 'ratio'
        ? ind.unit === 'percent'
          ? 100
          : null
        : ind.max === null
          ? null
          : ind.max * (ind.kind === 'flow' ? 4 : 1);
    if (max !== null && v > max) fail('max', t(lang, 'targets.outOfRange'));
  });
  return issues;
}
