import type { Unit } from './catalogue.schema';
import { NBSP, type RuleDeclaration } from './rules.types';

/**
 * The smallest |value − reference| an outlier warning is worth, by unit: a pole's small counts
 * move a lot in relative terms (0 → 2 events, 3 → 9 entries) without anything being wrong, so
 * a move must also be material: a typo's move clears these, a small pole's ordinary swings do
 * not. 10 events or meetings, 20 persons, 5 FTE (a small structure's staff), 500 hours (1.2 FTE
 * over a quarter), 5,000 € (a small grant), 5 t, 10 MWh; percentages are never entered.
 */
const FLOORS: Record<Unit, number> = {
  count: 10,
  persons: 20,
  fte: 5,
  eur: 5000,
  tonnes: 5,
  hours: 500,
  percent: 10,
  mwh: 10,
};

/**
 * O2 and O3 do not fire on a value within the range of the series' last 8 entered quarters
 * (once 2 are entered): lumpy series swing beyond ×3 without anything being wrong.
 */
const WITHIN_RANGE = { rangeQuarters: 8, minRangeQuarters: 2 };

/**
 * Rules O1–O3 (`reference/INDICATORS.md`, "Outliers"): a total far from its own series' history
 * (same scope and indicator), scored with the median and MAD rather than a mean and standard
 * deviation, which short, skewed and zero-heavy series throw off. Warnings only. Slices are not
 * judged: a slice typed alone breaks its breakdown sum (E5), and slices are small and noisy.
 */
export const OUTLIER_RULES: readonly RuleDeclaration[] = [
  {
    id: 'O1',
    kind: 'outlier',
    severity: 'warning',
    description:
      'Robust z-score |x − median| ÷ (1.4826 · MAD) of the last 8 entered quarters (at least 4) beyond 3.5.',
    compare: { method: 'robust-z', quarters: 8, minQuarters: 4, threshold: 3.5, minShare: 0.5 },
    floors: FLOORS,
    messages: {
      fr: `{label:indicator}${NBSP}: {value}, très au-dessus de la médiane des {quarters} derniers trimestres saisis ({median}).`,
      en: '{label:indicator}: {value}, far above the median of the last {quarters} entered quarters ({median}).',
    },
    dropMessages: {
      fr: `{label:indicator}${NBSP}: {value}, très en dessous de la médiane des {quarters} derniers trimestres saisis ({median}).`,
      en: '{label:indicator}: {value}, far below the median of the last {quarters} entered quarters ({median}).',
    },
  },
  {
    id: 'O2',
    kind: 'outlier',
    severity: 'warning',
    description: 'Quarter-on-quarter change beyond ×3 or ÷3.',
    compare: { method: 'ratio', lag: 1, factor: 3, ...WITHIN_RANGE },
    floors: FLOORS,
    messages: {
      fr: `{label:indicator}${NBSP}: {value}, plus du triple du trimestre précédent ({reference}).`,
      en: '{label:indicator}: {value}, more than three times last quarter’s value ({reference}).',
    },
    dropMessages: {
      fr: `{label:indicator}${NBSP}: {value}, moins du tiers du trimestre précédent ({reference}).`,
      en: '{label:indicator}: {value}, less than a third of last quarter’s value ({reference}).',
    },
  },
  {
    id: 'O3',
    kind: 'outlier',
    severity: 'warning',
    description: 'Change against the same quarter last year beyond ×3 or ÷3.',
    compare: { method: 'ratio', lag: 4, factor: 3, ...WITHIN_RANGE },
    floors: FLOORS,
    messages: {
      fr: `{label:indicator}${NBSP}: {value}, plus du triple du même trimestre l’an dernier ({reference}).`,
      en: '{label:indicator}: {value}, more than three times the same quarter last year ({reference}).',
    },
    dropMessages: {
      fr: `{label:indicator}${NBSP}: {value}, moins du tiers du même trimestre l’an dernier ({reference}).`,
      en: '{label:indicator}: {value}, less than a third of the same quarter last year ({reference}).',
    },
  },
];
