import type { Granularity, Level } from '@ptce/shared/aggregation/aggregation.types';
import { exportRange } from '@ptce/shared/default-ranges';
import type { ExportFormat } from '@ptce/shared/exports.schema';
import { compareQuarters, currentQuarter, quarterRange, yearOf } from '@ptce/shared/periods';
import { PERIOD_STATUSES, type PeriodStatus } from '@ptce/shared/periods.wire';
import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { Role } from '@ptce/shared/session.schema';
import type { ExportParams } from '../../api/exports';
import type { Lang } from '../../lib/format';

/**
 * The exports form: `region` '' is every region, `poles` 'all' every pole shown, `statuses`
 * the quarter states kept.
 */
export interface ExportForm {
  level: Level;
  from: string;
  to: string;
  by: Granularity;
  format: ExportFormat;
  region: string;
  poles: 'all' | string[];
  statuses: PeriodStatus[];
}

/** The formats people open: written with labels in the UI's language. Scripts' keep codes. */
const READABLE: ReadonlySet<ExportFormat> = new Set(['csv-fr', 'xlsx']);

/** Years offered before the current one in the period lists. */
const YEARS_BACK = 10;

/**
 * The server's defaults: from Q1 two years back to the current quarter, by scope, csv-fr;
 * every quarter state, but only validated quarters for a CRESS (not an admin): the figures it
 * passes on are those it checked, and a draft can still change.
 */
export function defaultForm(now: Date, roles: ReadonlySet<Role> = new Set()): ExportForm {
  const { from, to } = exportRange(now);
  const cress = roles.has('cress') && !roles.has('admin');
  return {
    level: 'scope',
    from,
    to,
    by: 'quarter',
    format: 'csv-fr',
    region: '',
    poles: 'all',
    statuses: cress ? ['validated'] : [...PERIOD_STATUSES],
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
 * are left out (all of them is the server's default), `status` only when some states are left
 * out; `labels` in `lang` for a readable format. Null when no pole or no state is checked.
 */
export function exportParams(
  form: ExportForm,
  poles: PoleSummary[],
  filter: { region: boolean; poles: boolean },
  lang: Lang,
): ExportParams | null {
  if (form.statuses.length === 0) return null;
  const params: ExportParams = {
    format: form.format,
    from: form.from,
    to: form.to,
    by: form.by,
    level: form.level,
  };
  if (READABLE.has(form.format)) params.labels = lang;
  if (form.statuses.length < PERIOD_STATUSES.length)
    params.status = PERIOD_STATUSES.filter((s) => form.statuses.includes(s));
  if (filter.region && form.region) params.region = form.region;
  if (!filter.poles) return params;
  const checked = checkedPoles(form, poles);
  if (checked.length === 0) return null;
  if (checked.length < polesShown(form, poles).length) params.poles = checked;
  return params;
}
