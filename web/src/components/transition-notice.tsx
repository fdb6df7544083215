import type { PeriodState } from '@ptce/shared/periods.schema';
import { useTranslation } from 'react-i18next';
import { fmtDate, type Lang } from '../lib/format';

/**
 * Why a draft quarter came back, said as it was: `Renvoyé par la CRESS le … — name — motif : …`
 * for a submitted quarter sent back, `Rouvert par la CRESS …` (or by an administrator) for a
 * validated one reopened. Null unless the quarter is a draft with a reason.
 */
export function useTransitionText(
  state: Pick<PeriodState, 'status' | 'reason' | 'transition'> | undefined,
  lang: Lang,
): string | null {
  const { t } = useTranslation('workflow');
  if (state?.status !== 'draft' || !state.reason) return null;
  const step = state.transition;
  if (!step || (step.kind !== 'sendBack' && step.kind !== 'reopen'))
    return t('transition.sentBackPlain', { reason: state.reason });
  return t(`transition.${step.kind}`, {
    by: step.byRole ? t(`transition.byRole.${step.byRole}`) : '',
    name: step.by ? t('transition.byName', { name: step.by }) : '',
    when: t('transition.when', { date: fmtDate(step.at, lang) }),
    reason: step.reason ?? state.reason,
  });
}

/** The sentence of `useTransitionText` as a notice, or nothing. */
export function TransitionNotice({
  state,
  lang,
}: {
  state: Pick<PeriodState, 'status' | 'reason' | 'transition'> | undefined;
  lang: Lang;
}) {
  const text = useTransitionText(state, lang);
  return text ? <p className="notice transition-notice">{text}</p> : null;
}
