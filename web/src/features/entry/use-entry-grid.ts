import {
  previousQuarter,
  sameQuarterLastYear,
  shiftQuarterWithin,
  yearOf,
} from '@ptce/shared/periods';
import type { Scope } from '@ptce/shared/poles.schema';
import { useMemo } from 'react';
import { useTargets } from '../../api/targets';
import type { Lang } from '../../lib/format';
import { buildBatch } from './entry-batch';
import { buildRows, indexByPeriod } from './entry-model';
import { gridFigures, makeLookup } from './entry-progress';
import { evaluateGridRules } from './entry-rules';
import { deriveCells } from './entry-state';
import type { EntryData } from './use-entry-data';
import type { DraftState } from './use-entry-draft';

const safe = (f: (q: string) => string, q: string) => {
  try {
    return f(q);
  } catch {
    return null;
  }
};

/**
 * Everything the grid shows, derived from the loaded data and the draft on each render:
 * rows, inputs, the shared rules' verdict, the batch a save would send, lookups of other
 * quarters, the shared figures (totals, ratios, year to date) and the scope's targets.
 */
export function useEntryGrid(
  data: EntryData,
  scope: Scope,
  period: string,
  draft: DraftState,
  lang: Lang,
) {
  const { catalogue, pole } = data;
  const rows = useMemo(
    () => buildRows(catalogue, scope, pole.scopes, lang),
    [catalogue, scope, pole.scopes, lang],
  );
  const stored = useMemo(() => indexByPeriod(data.values), [data.values]);
  const byCode = useMemo(() => new Map(catalogue.indicators.map((i) => [i.code, i])), [catalogue]);
  const groups = useMemo(
    () => pole.scopes.filter((s) => s.kind === 'group').map((s) => s.slug),
    [pole.scopes],
  );
  const view = useMemo(
    () => deriveCells(rows, stored.get(period), draft, lang),
    [rows, stored, period, draft, lang],
  );
  const rules = useMemo(
    () =>
      evaluateGridRules({
        catalogue,
        period,
        scope,
        poleGroupSlugs: groups,
        view,
        others: data.values,
        history: data.history,
        typedReasons: draft.reasons,
        lang,
        now: new Date(),
      }),
    [catalogue, period, scope, groups, view, data.values, data.history, draft.reasons, lang],
  );
  const batch = useMemo(() => buildBatch(scope.slug, view, rules), [scope.slug, view, rules]);
  const lookup = useMemo(() => makeLookup(stored, period, view.current), [stored, period, view]);
  const from = shiftQuarterWithin(period, -4);
  const figures = useMemo(
    () => gridFigures(catalogue, scope.slug, data.values, period, view.current, from),
    [catalogue, scope.slug, data.values, period, view, from],
  );
  const targetsQ = useTargets(pole.slug, yearOf(period));
  const targets = useMemo(() => {
    if (!targetsQ.data) return targetsQ.error ? new Map<string, number>() : undefined;
    const mine = targetsQ.data.filter((x) => x.scope === scope.slug);
    return new Map(mine.map((x) => [x.indicator, x.value]));
  }, [targetsQ.data, targetsQ.error, scope.slug]);
  return {
    rows,
    view,
    rules,
    batch,
    lookup,
    figures,
    byCode,
    targets,
    previous: safe(previousQuarter, period),
    lastYear: safe(sameQuarterLastYear, period),
  };
}
