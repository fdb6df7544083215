import * as z from 'zod/mini';
import type { Unit } from './catalogue.schema';
import type { Lang } from './format';

export const RULE_SEVERITIES = ['error', 'warning'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** Settings a rule coefficient may refer to. */
export interface RuleSettings {
  /** Yearly hours of one full-time insertion employee (1,607 h; ACI often use 1,820 h). */
  insertionHoursPerYear: number;
}
export const DEFAULT_RULE_SETTINGS: RuleSettings = { insertionHoursPerYear: 1607 };

/** A message template; `{name}` is a param, `{label:name}` / `{dim:name}` the catalogue label
 * of the indicator / dimension code held in param `name`. Numbers are formatted per language. */
export interface RuleMessages {
  fr: string;
  en: string;
}

/** A multiplier: a constant, or a setting times a factor (e.g. hours per year × 1.2 ÷ 4). */
type RuleCoefficient = number | { setting: keyof RuleSettings; factor: number };

/** One value read by a rule: a cell of the evaluated scope. */
export interface RuleTerm {
  /** The param under which the value is reported (unique within the rule). */
  name: string;
  indicator: string;
  /** A fixed slice; by default the slice the rule is evaluated on (`''` = total). */
  slice?: string;
  /** 0 = the checked quarter, −1 = the quarter before. Default 0. */
  offset?: 0 | -1;
  /** Default 1. */
  coef?: RuleCoefficient;
  /** A missing optional term counts as 0; a missing required term skips the rule. */
  optional?: boolean;
}

/** Σ coef × term (+ constant). */
export interface RuleExpression {
  terms: RuleTerm[];
  constant?: number;
}

export type RuleComparator = '<=' | '<' | '=' | '>=' | '>';

/** `left op right`, compared with a relative tolerance of 1e-9. */
export interface RuleComparison {
  left: RuleExpression;
  op: RuleComparator;
  right: RuleExpression;
  /** Params under which the computed sides are reported (default `left` / `right`). */
  leftName?: string;
  rightName?: string;
}

interface RuleBase {
  id: string;
  severity: RuleSeverity;
  /** English one-line statement of the rule, for documentation. */
  description: string;
  messages: RuleMessages;
}

/** Fires when `assert` is false and `onlyIf` (when given) is true. */
export interface CompareRule extends RuleBase {
  kind: 'compare';
  assert: RuleComparison;
  onlyIf?: RuleComparison;
  /** Also evaluate the rule on each slice of this dimension (terms without a fixed slice). */
  perSliceOf?: string;
  /** On a Q4, also evaluate on the year's sums when all four quarters of each term are present. */
  yearly?: { severity: RuleSeverity; messages: RuleMessages };
}

/** For each pair: `sessions = 0` ⇒ `attendances = 0` (total slice). */
export interface ZeroImpliesZeroRule extends RuleBase {
  kind: 'zero-implies-zero';
  pairs: Array<{ sessions: string; attendances: string }>;
}

/** Each filled breakdown dimension sums to the total, for every tracked indicator. */
export interface BreakdownSumRule extends RuleBase {
  kind: 'breakdown-sums';
  /** When slices are filled but the total is missing. */
  missingTotalMessages: RuleMessages;
}

/** Every cell: non-negative (`messages`), integer for integer units, within min/max. */
export interface ValueBoundsRule extends RuleBase {
  kind: 'value-bounds';
  notIntegerMessages: RuleMessages;
  belowMinMessages: RuleMessages;
  aboveMaxMessages: RuleMessages;
}

/** How an outlier rule compares a value with its series' history (`rules.outliers.ts`). */
export type OutlierComparison =
  | {
      /** |x − median| ÷ (1.4826 · MAD) of the last `quarters` entered quarters (≥ `minQuarters`). */
      method: 'robust-z';
      quarters: number;
      minQuarters: number;
      threshold: number;
      /** |x − median| must also exceed this share of |median|. */
      minShare: number;
    }
  | {
      /** x against the value `lag` quarters before: beyond ×`factor` or ÷`factor`. */
      method: 'ratio';
      lag: 1 | 4;
      factor: number;
      /**
       * Unless x lies within the range of the last `rangeQuarters` entered quarters, when there
       * are at least `minRangeQuarters`: a lumpy series (a grant every few quarters, events
       * some quarters only) swings by more than ×3 without anything being wrong.
       */
      rangeQuarters: number;
      minRangeQuarters: number;
    };

/**
 * O1–O3: the total of each tracked entered indicator against its own series' history; never
 * fires when |x − reference| ≤ `floors[unit]`.
 */
export interface OutlierRule extends RuleBase {
  kind: 'outlier';
  severity: 'warning';
  compare: OutlierComparison;
  /** The smallest move worth a warning, by unit (small counts moving a little are not flagged). */
  floors: Record<Unit, number>;
  /** `messages` for a value above its reference, these for one below. */
  dropMessages: RuleMessages;
}

export type RuleDeclaration =
  | CompareRule
  | ZeroImpliesZeroRule
  | BreakdownSumRule
  | ValueBoundsRule
  | OutlierRule;

/** A non-breaking space, for French typography in message templates. */
export const NBSP = '\u00a0';
/** Term options: the quarter before the checked one. */
export const PREVIOUS = { offset: -1 } as const;
/** Term options: a part of a sum bounded by a total; missing counts as 0. */
export const OPTIONAL = { optional: true } as const;

/** Builds a rule term (declaration shorthand). */
export function term(
  name: string,
  indicator: string,
  options: Omit<RuleTerm, 'name' | 'indicator'> = {},
): RuleTerm {
  return { name, indicator, ...options };
}

export const RuleIssueSchema = z.object({
  rule: z.string(),
  severity: z.enum(RULE_SEVERITIES),
  scope: z.string(),
  period: z.string(),
  slice: z.string(),
  /** The cells of the checked quarter involved. */
  cells: z.array(z.object({ scope: z.string(), indicator: z.string(), slice: z.string() })),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  messageFr: z.string(),
  messageEn: z.string(),
});
export type RuleIssue = z.infer<typeof RuleIssueSchema>;
export type RuleIssueCell = RuleIssue['cells'][number];

/** An issue's message in `lang`. */
export function issueMessage(
  issue: Pick<RuleIssue, 'messageFr' | 'messageEn'>,
  lang: Lang,
): string {
  return lang === 'fr' ? issue.messageFr : issue.messageEn;
}
