import type { PeriodStatus } from '@ptce/shared/periods.schema';
import { useTranslation } from 'react-i18next';

export type DisplayStatus = PeriodStatus | 'toEnter' | 'toFix';

/** A quarter's state as a coloured label (never colour alone: the word is always there). */
export function StatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}

/**
 * The state shown to people: a draft with a CRESS reason is "à corriger", a draft with nothing
 * entered is "à saisir".
 */
export function displayStatus(
  status: PeriodStatus,
  reason: string | null,
  filled: number,
): DisplayStatus {
  if (status !== 'draft') return status;
  if (reason) return 'toFix';
  return filled === 0 ? 'toEnter' : 'draft';
}
