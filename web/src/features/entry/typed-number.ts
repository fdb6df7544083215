import { INTEGER_UNITS, type Indicator } from '@ptce/shared/catalogue.schema';
import { exceedsDecimals, parseNumberFr } from '@ptce/shared/format';
import { MAX_ABS_VALUE } from '@ptce/shared/values.wire';

/** Why typed text cannot be saved: not a number, too many decimals, not a whole number. */
type TypedProblem = 'invalidNumber' | 'tooManyDecimals' | 'notInteger';

/** A typed value: `value` null for empty or unreadable text; `problem` says which. */
export interface Typed {
  value: number | null;
  problem: TypedProblem | null;
}

/**
 * Reads what a user typed in a value input, French or English style (`1 234,5`, `1234.5`),
 * with the indicator's rules the server also enforces: its decimals, whole numbers for counts
 * and persons, at most 1e12 in magnitude. Empty text is no value (it clears the cell).
 */
export function parseTyped(text: string, indicator: Indicator): Typed {
  if (text.trim() === '') return { value: null, problem: null };
  const value = parseNumberFr(text);
  if (value === null || Math.abs(value) > MAX_ABS_VALUE)
    return { value: null, problem: 'invalidNumber' };
  const whole = INTEGER_UNITS.includes(indicator.unit) || indicator.decimals === 0;
  if (whole && !Number.isInteger(value)) return { value, problem: 'notInteger' };
  if (exceedsDecimals(value, indicator.decimals)) return { value, problem: 'tooManyDecimals' };
  return { value, problem: null };
}
