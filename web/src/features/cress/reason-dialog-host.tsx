import { useTranslation } from 'react-i18next';
import { usePeriodAction } from '../../api/periods';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import type { ActionTarget } from './pole-row';
import { ReasonDialog } from './reason-dialog';

/** The reason dialog for sending back (submitted) or reopening (validated) a pole's quarter. */
export function ReasonDialogHost({
  target,
  onClose,
  onDone,
}: {
  target: ActionTarget;
  onClose: () => void;
  onDone: (target: ActionTarget) => void;
}) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  const reopen = usePeriodAction(target.pole.slug);
  const names = { pole: target.pole.name, quarter: fmtQuarter(target.period, lang) };
  const kind = target.action === 'reopen' ? 'reopen' : 'sendBack';
  return (
    <ReasonDialog
      title={t(`dialog.${kind}Title`, names)}
      text={t(`dialog.${kind}Text`)}
      pending={reopen.isPending}
      error={reopen.error}
      onCancel={onClose}
      onConfirm={(reason) =>
        reopen.mutate(
          { period: target.period, action: 'reopen', reason },
          { onSuccess: () => onDone(target) },
        )
      }
    />
  );
}
