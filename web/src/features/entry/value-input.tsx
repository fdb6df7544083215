import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellView } from './entry-state';
import type { GridContext } from './grid-context';

export interface ValueInputProps {
  cell: CellView;
  /** The accessible name, unless a <label for={id}> names the input. */
  label?: string;
  id?: string;
  decimals: number;
  ctx: GridContext;
  /** Ids of the row's messages, and whether they hold an error. */
  describedBy?: string | undefined;
  ruleError?: boolean;
}

/**
 * A value input of the grid: free text read the French way (`1 234,5`, `1234.5`), flagged
 * when unreadable; `data-nav` lets the grid move between values with Enter and the arrows.
 */
export function ValueInput({
  cell,
  label,
  id,
  decimals,
  ctx,
  describedBy,
  ruleError,
}: ValueInputProps) {
  const { t } = useTranslation('entry');
  const problemId = useId();
  const problem = cell.typed.problem;
  const described = [problem ? problemId : null, describedBy].filter(Boolean).join(' ');
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className={cell.changed ? 'num-input changed' : 'num-input'}
        data-nav=""
        aria-label={label}
        aria-invalid={problem || ruleError ? true : undefined}
        aria-describedby={described || undefined}
        readOnly={ctx.readOnly}
        value={cell.text}
        onChange={(e) => ctx.onText(cell.indicator, cell.key, e.target.value)}
      />
      {problem && (
        <span id={problemId} className="input-problem" role="alert">
          {t(problem, { count: decimals })}
        </span>
      )}
    </>
  );
}
