import type { Catalogue, Dimension, Indicator } from './catalogue.schema';
import { type Cell, cellKey, type Quarter } from './domain.types';
import { formatNumber, formatValue, type Lang, type ValueFormat } from './format';
import { parseQuarter, previousQuarter, quartersOfYear } from './periods';
import {
  DEFAULT_RULE_SETTINGS,
  type RuleIssue,
  type RuleIssueCell,
  type RuleMessages,
  type RuleSettings,
  type RuleSeverity,
} from './rules.types';
import { quartersBefore } from './rules.window';

export interface EvaluateRulesInput {
  catalogue: Catalogue;
  /** The checked quarter. */
  period: Quarter;
  /** The pole's scopes and the indicators each tracks. */
  scopes: Array<{ slug: string; indicators: string[] }>;
  poleGroupSlugs: string[];
  /**
   * The pole's cells of the period, the previous quarter and the rest of the year, and of the
   * series the outlier rules should judge, their history (`rulesWindow().history`).
   */
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
  /** The quarters before `period` the outlier rules read, most recent first. */
  before: Quarter[];
  /** The four quarters of the year when `period` is a Q4, else null. */
  year: Quarter[] | null;
  settings: RuleSettings;
  /** cellKey → value, every period. */
  values: Map<string, number>;
  /** `scope|indicator` → the cells of the checked period. */
  current: Map<string, Cell[]>;
  /** The outlier rules' entered history of each series read (rules.outliers.ts), filled as read. */
  histories: Map<string, number[]>;
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
    before: quartersBefore(input.period),
    year: q === 4 ? quartersOfYear(year) : null,
    settings: { ...DEFAULT_RULE_SETTINGS, ...input.settings },
    values,
    current,
    histories: new Map(),
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

/** Param name → the code of the indicator whose decimals and unit its number is shown with. */
export type ParamFormats = Record<string, string>;

/** Decimals a number needs to be written exactly (at most 4: float noise is not a digit). */
function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0;
  const written = formatNumber(value, 'en');
  const dot = written.indexOf('.');
  return dot < 0 ? 0 : written.length - dot - 1;
}

/**
 * A value in a rule message: its indicator's catalogue decimals and unit (`formatValue`:
 * `13 700,50 €`, `2,0 ETP`), and more decimals when the value has them, since a message about
 * 1.5 persons or a cap of 5 785.2 hours must not round away what it is about.
 */
export function formatRuleValue(value: number, format: ValueFormat, lang: Lang): string {
  const decimals = Math.max(format.decimals, decimalsOf(value));
  return formatValue(value, { ...format, decimals }, lang);
}

/**
 * Fills a message template: `{name}` → the param, a number shown with the format of the
 * indicator `formats[name]` names (`formatRuleValue`), or as a plain number for `lang` when none
 * (settings, counts of rules); `{label:name}` / `{dim:name}` → the label of the indicator /
 * dimension coded in the param.
 */
function renderMessage(
  ctx: RuleContext,
  template: string,
  params: Record<string, number | string>,
  lang: Lang,
  formats: ParamFormats = {},
): string {
  return template.replace(/\{(?:(label|dim):)?([A-Za-z]+)\}/g, (whole, kind, name: string) => {
    const param = params[name];
    if (param === undefined) return whole;
    if (typeof param === 'number') {
      const code = formats[name];
      const indicator = code === undefined ? undefined : ctx.indicators.get(code);
      return indicator ? formatRuleValue(param, indicator, lang) : formatNumber(param, lang);
    }
    const labelled = kind === 'label' ? ctx.indicators.get(param) : ctx.dimensions.get(param);
    if (!kind || !labelled) return param;
    return lang === 'fr' ? labelled.labelFr : labelled.labelEn;
  });
}

/**
 * Builds an issue with both messages rendered, each number param with the format of the
 * indicator `formats` names for it; a non-total slice is named before the messages. `params`
 * stay plain numbers in the issue (what integrators read).
 */
export function makeIssue(
  ctx: RuleContext,
  issue: { rule: string; severity: RuleSeverity; scope: string; slice: string },
  messages: RuleMessages,
  cells: RuleIssueCell[],
  params: Record<string, number | string>,
  formats: ParamFormats,
): RuleIssue {
  const render = (lang: Lang) =>
    slicePrefix(ctx, issue.slice, lang) + renderMessage(ctx, messages[lang], params, lang, formats);
  return {
    ...issue,
    period: ctx.period,
    cells,
    params,
    messageFr: render('fr'),
    messageEn: render('en'),
  };
}
