import type { PeriodStatus } from '@ptce/shared/periods.schema';
import { useTranslation } from 'react-i18next';

export type DisplayStatus = PeriodStatus | 'toEnter' | 'toFix';

/** A quarter's state as a coloured label (never colour alone: the word is always there). */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

/**
 * The state shown to people, following the values: a draft with nothing entered is "à saisir";
 * a draft sent back or reopened with a reason is "à corriger" while values are missing (when
 * `expected` is given) — once every expected value is entered (the saved values passed the
 * rules, or carry a reason) it is a draft again, ready to submit, its reason still shown.
 */
export function displayStatus(
  status: PeriodStatus,
  reason: string | null,
  filled: number,
  expected?: number,
): DisplayStatus {
  if (status !== 'draft') return status;
  if (reason && !(expected !== undefined && expected > 0 && filled >= expected)) return 'toFix';
  return filled === 0 ? 'toEnter' : 'draft';
}
