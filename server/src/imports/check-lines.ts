import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ScopeRow } from '../poles/poles.repository';
import { checkEntries } from '../values/check-entries';
import type { Field } from './header-aliases';
import type { ImportIssue } from './import-issues';
import { locate } from './parsed-file';
import type { ImportLine } from './resolve-lines';

/** The column an issue of `checkEntries` points at, by its code. */
const FIELD_OF_CODE: Record<string, Field> = {
  unknown_scope: 'scope',
  unknown_indicator: 'indicator',
  not_tracked: 'indicator',
  computed: 'indicator',
  duplicate: 'indicator',
  slice: 'slice',
  integer: 'value',
  decimals: 'value',
  min: 'value',
  max: 'value',
};

/**
 * Runs the entry checks of a save (`checkEntries`: known scope and indicator, tracked, not a
 * ratio, allowed slice, each cell once, whole numbers, decimals, bounds) on the lines, located
 * at their row and column. Values that pass are rounded to their indicator's decimals, so a
 * formula's 12.300000000000001 is stored as 12.3.
 */
export function checkLines(
  lines: ImportLine[],
  ctx: { catalogue: Catalogue; retired: Set<string>; scopes: ScopeRow[]; lang: Lang },
): ImportIssue[] {
  const entries = lines.map((l) => ({
    scope: l.scope,
    indicator: l.indicator,
    slice: l.slice,
    value: l.value.kind === 'set' ? l.value.value : null,
  }));
  const found = checkEntries(entries, ctx);
  const failed = new Set<number>();
  const issues = found.map((issue): ImportIssue => {
    const index = Number(issue.path?.[1]);
    failed.add(index);
    const line = lines[index]!;
    const { path: _path, ...rest } = issue;
    return { ...rest, ...locate(line.table, line.row, FIELD_OF_CODE[issue.code] ?? 'indicator') };
  });
  const decimals = new Map(ctx.catalogue.indicators.map((i) => [i.code, i.decimals]));
  for (const [i, line] of lines.entries()) {
    if (failed.has(i) || line.value.kind !== 'set') continue;
    const scale = 10 ** (decimals.get(line.indicator) ?? 0);
    line.value = { kind: 'set', value: Math.round(line.value.value * scale) / scale };
  }
  return issues;
}
