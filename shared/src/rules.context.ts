import type { Catalogue, Dimension, Indicator } from './catalogue.schema';
import { type Cell, cellKey, type Quarter } from './domain.types';
import { formatNumber, type Lang } from './format';
import { parseQuarter, previousQuarter, quartersOfYear } from './periods';
import {
  DEFAULT_RULE_SETTINGS,
  type RuleIssue,
  type RuleIssueCell,
  type RuleMessages,
  type RuleSettings,
  type RuleSeverity,
} from './rules.types';

export interface EvaluateRulesInput {
  catalogue: Catalogue;
  /** The checked quarter. */
  period: Quarter;
  /** The pole's scopes and the indicators each tracks. */
  scopes: Array<{ slug: string; indicators: string[] }>;
  poleGroupSlugs: string[];
  /** The pole's cells of the period, the previous quarter and the rest of the year. */
  values: Cell[];
  settings?: Partial<RuleSettings>;
}

/** Everything the rule evaluators read, indexed once per call. */
export interface RuleContext {
  indicators: Map<string, Indicator>;
  dimensions: Map<string, Dimension>;
  poleGroupSlugs: readonly string[];
  period: Quarter;
  previous: Quarter | null;
  /** The four quarters of the year when `period` is a Q4, else null. */
  year: Quarter[] | null;
  settings: RuleSettings;
  /** cellKey → value, every period. */
  values: Map<string, number>;
  /** `scope|indicator` → the cells of the checked period. */
  current: Map<string, Cell[]>;
}

/**
 * Indexes the input once: values by cell key, the checked quarter’s cells by scope and
 * indicator, the previous quarter (null before 2000Q2) and, for a Q4, the year’s quarters.
 * @throws RangeError when `input.period` is not a valid quarter.
 */
export function buildContext(input: EvaluateRulesInput): RuleContext {
  const { year, q } = parseQuarter(input.period);
  let previous: Quarter | null = null;
  try {
    previous = previousQuarter(input.period);
  } catch {
    // 2000Q1 has no previous quarter: rules reading t−1 are skipped.
  }
  const values = new Map<string, number>();
  const current = new Map<string, Cell[]>();
  for (const cell of input.values) {
    values.set(cellKey(cell), cell.value);
    if (cell.period !== input.period) continue;
    const key = `${cell.scope}|${cell.indicator}`;
    const list = current.get(key) ?? [];
    list.push(cell);
    current.set(key, list);
  }
  return {
    indicators: new Map(input.catalogue.indicators.map((i) => [i.code, i])),
    dimensions: new Map(input.catalogue.dimensions.map((d) => [d.code, d])),
    poleGroupSlugs: input.poleGroupSlugs,
    period: input.period,
    previous,
    year: q === 4 ? quartersOfYear(year) : null,
    settings: { ...DEFAULT_RULE_SETTINGS, ...input.settings },
    values,
    current,
  };
}

/** `Sexe : Femme — ` before the message of an issue on a slice; nothing for the total. */
function slicePrefix(ctx: RuleContext, slice: string, lang: Lang): string {
  if (slice === '') return '';
  const [code = '', member = ''] = slice.split('=');
  const dimension = ctx.dimensions.get(code);
  const memberLabel = dimension?.members.find((m) => m.code === member);
  const label = (o: { labelFr: string; labelEn: string } | undefined, fallback: string) =>
    o ? (lang === 'fr' ? o.labelFr : o.labelEn) : fallback;
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';
  return `${label(dimension, code)}${sep}${label(memberLabel, member)} — `;
}

/**
 * Fills a message template: `{name}` → the param (numbers formatted for `lang`),
 * `{label:name}` / `{dim:name}` → the label of the indicator / dimension coded in the param.
 */
export function renderMessage(
  ctx: RuleContext,
  template: string,
  params: Record<string, number | string>,
  lang: Lang,
): string {
  return template.replace(/\{(?:(label|dim):)?([A-Za-z]+)\}/g, (whole, kind, name: string) => {
    const param = params[name];
    if (param === undefined) return whole;
    if (typeof param === 'number') return formatNumber(param, lang);
    const labelled = kind === 'label' ? ctx.indicators.get(param) : ctx.dimensions.get(param);
    if (!kind || !labelled) return param;
    return lang === 'fr' ? labelled.labelFr : labelled.labelEn;
  });
}

/** Builds an issue with both messages rendered; a non-total slice is named before them. */
export function makeIssue(
  ctx: RuleContext,
  issue: { rule: string; severity: RuleSeverity; scope: string; slice: string },
  messages: RuleMessages,
  cells: RuleIssueCell[],
  params: Record<string, number | string>,
): RuleIssue {
  return {
    ...issue,
    period: ctx.period,
    cells,
    params,
    messageFr: slicePrefix(ctx, issue.slice, 'fr') + renderMessage(ctx, messages.fr, params, 'fr'),
    messageEn: slicePrefix(ctx, issue.slice, 'en') + renderMessage(ctx, messages.en, params, 'en'),
  };
}
