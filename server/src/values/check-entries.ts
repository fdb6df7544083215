import { type Catalogue, INTEGER_UNITS, type Indicator } from '@ptce/shared/catalogue.schema';
import type { EntryIssue } from '@ptce/shared/error-issues.schema';
import type { Lang } from '@ptce/shared/error-messages';
import { exceedsDecimals, formatValue } from '@ptce/shared/format';
import { isAllowedSlice } from '@ptce/shared/slices';
import type { ValueEntry } from '@ptce/shared/values.schema';
import { t } from '../i18n/t';
import type { ScopeRow } from '../poles/poles.repository';

type Fail = (code: string, message: string) => void;

/**
 * Checks each entry against the catalogue and the pole: known scope, indicator tracked by
 * that scope and entered (not a ratio, not retired), allowed slice, no duplicate cell, integer
 * for count/persons, the indicator's decimals and bounds. Returns the issues (empty = all good).
 */
export function checkEntries(
  entries: ValueEntry[],
  ctx: { catalogue: Catalogue; scopes: ScopeRow[]; retired: Set<string>; lang: Lang },
): EntryIssue[] {
  const { lang } = ctx;
  const byCode = new Map(ctx.catalogue.indicators.map((i) => [i.code, i]));
  const scopes = new Map(ctx.scopes.map((s) => [s.slug, s]));
  const groupSlugs = ctx.scopes.filter((s) => s.kind === 'group').map((s) => s.slug);
  const seen = new Set<string>();
  const issues: EntryIssue[] = [];
  for (const [i, e] of entries.entries()) {
    const path = ['entries', i];
    const fail: Fail = (code, message) =>
      issues.push({
        path,
        code,
        message,
        scope: e.scope,
        indicator: e.indicator,
        slice: e.slice ?? '',
      });
    const scope = scopes.get(e.scope);
    const ind = byCode.get(e.indicator);
    const slice = e.slice ?? '';
    const key = `${e.scope}|${e.indicator}|${slice}`;
    if (seen.has(key)) fail('duplicate', t(lang, 'entries.duplicate'));
    seen.add(key);
    if (!scope) {
      fail('unknown_scope', t(lang, 'entries.unknownScope', { scope: e.scope }));
      continue;
    }
    if (!ind || ctx.retired.has(ind.code)) {
      fail('unknown_indicator', t(lang, 'entries.unknownIndicator', { indicator: e.indicator }));
      continue;
    }
    if (!scope.indicators.includes(ind.code)) {
      fail(
        'not_tracked',
        t(lang, 'entries.notTracked', { indicator: ind.code, scope: scope.name }),
      );
      continue;
    }
    if (ind.kind === 'ratio') {
      fail('computed', t(lang, 'entries.computed', { indicator: ind.code }));
      continue;
    }
    if (!isAllowedSlice(ind, ctx.catalogue.dimensions, groupSlugs, slice)) {
      fail('slice', t(lang, 'entries.slice', { slice, indicator: ind.code }));
      continue;
    }
    if (e.value !== null) checkNumber(e.value, ind, lang, fail);
  }
  return issues;
}

function checkNumber(v: number, ind: Indicator, lang: Lang, fail: Fail): void {
  const indicator = ind.code;
  if (INTEGER_UNITS.includes(ind.unit) && !Number.isInteger(v)) {
    fail('integer', t(lang, 'entries.integer', { indicator }));
    return;
  }
  if (exceedsDecimals(v, ind.decimals))
    fail('decimals', t(lang, 'entries.decimals', { indicator, decimals: ind.decimals }));
  if (ind.min !== null && v < ind.min)
    fail('min', t(lang, 'entries.min', { indicator, min: formatValue(ind.min, ind, lang) }));
  if (ind.max !== null && v > ind.max)
    fail('max', t(lang, 'entries.max', { indicator, max: formatValue(ind.max, ind, lang) }));
}
