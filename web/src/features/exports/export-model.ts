import type { Granularity, Level } from '@ptce/shared/aggregation/aggregation.types';
import { exportRange } from '@ptce/shared/default-ranges';
import type { ExportFormat } from '@ptce/shared/exports.schema';
import { compareQuarters, currentQuarter, quarterRange, yearOf } from '@ptce/shared/periods';
import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { ExportParams } from '../../api/exports';

/** The exports form: `region` '' is every region, `poles` 'all' every pole shown. */
export interface ExportForm {
  level: Level;
  from: string;
  to: string;
  by: Granularity;
  format: ExportFormat;
  region: string;
  poles: 'all' | string[];
}

/** Years offered before the current one in the period lists. */
const YEARS_BACK = 10;

/** The server's defaults: from Q1 two years back to the current quarter, by scope, csv-fr. */
export function defaultForm(now: Date): ExportForm {
  const { from, to } = exportRange(now);
  return {
    level: 'scope',
    from,
    to,
    by: 'quarter',
    format: 'csv-fr',
    region: '',
    poles: 'all',
  };
}

/** The quarters offered, newest first: Q1 ten years back to the current quarter. */
export function quarterOptions(now: Date): string[] {
  const to = currentQuarter(now);
  return quarterRange(`${yearOf(to) - YEARS_BACK}Q1`, to).reverse();
}

/** Sets one end of the range; choosing past the other end moves that end along. */
export function withRange(form: ExportForm, which: 'from' | 'to', q: string): ExportForm {
  if (which === 'from')
    return { ...form, from: q, to: compareQuarters(q, form.to) > 0 ? q : form.to };
  return { ...form, to: q, from: compareQuarters(q, form.from) < 0 ? q : form.from };
}

/** The regions of the listed poles, by name. */
export function regionsOf(poles: PoleSummary[]): Array<{ code: string; name: string }> {
  const byCode = new Map(poles.map((p) => [p.region.code, p.region]));
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The poles the pole list shows: those of the chosen region, or all. */
export const polesShown = (form: ExportForm, poles: PoleSummary[]) =>
  form.region ? poles.filter((p) => p.region.code === form.region) : poles;

/** The slugs checked among the poles shown. */
export function checkedPoles(form: ExportForm, poles: PoleSummary[]): string[] {
  const shown = polesShown(form, poles).map((p) => p.slug);
  if (form.poles === 'all') return shown;
  const chosen = new Set(form.poles);
  return shown.filter((s) => chosen.has(s));
}

/**
 * The query of the form. `poles` is sent only when the pole filter is shown and some poles
 * are left out (all of them is the server's default); null when no pole is checked.
 */
export function exportParams(
  form: ExportForm,
  poles: PoleSummary[],
  filter: { region: boolean; poles: boolean },
): ExportParams | null {
  const params: ExportParams = {
    format: form.format,
    from: form.from,
    to: form.to,
    by: form.by,
    level: form.level,
  };
  if (filter.region && form.region) params.region = form.region;
  if (!filter.poles) return params;
  const checked = checkedPoles(form, poles);
  if (checked.length === 0) return null;
  if (checked.length < polesShown(form, poles).length) params.poles = checked;
  return params;
}
