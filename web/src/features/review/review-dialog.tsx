import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePeriodAction } from '../../api/periods';
import { qualityKeys } from '../../api/quality';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ReasonDialog } from './reason-dialog';
import { ValidateDialog } from './validate-dialog';

/** What the CRESS (or an admin, for reopening) does to a submitted or validated quarter. */
export type ReviewAction = 'validate' | 'sendBack' | 'reopen';

export interface ReviewTarget {
  pole: { slug: string; name: string };
  period: string;
  action: ReviewAction;
}

interface Props {
  target: ReviewTarget;
  onClose: () => void;
  onDone: (target: ReviewTarget) => void;
}

/**
 * The dialog of a review action: validating asks for confirmation with the quarter's quality
 * figures; sending back (submitted) and reopening (validated) ask for a reason, both being the
 * API's `reopen`. A success refreshes the pole's quarters and every quality answer.
 */
export function ReviewDialog({ target, onClose, onDone }: Props) {
  const { t } = useTranslation('review');
  const lang = useLang();
  const qc = useQueryClient();
  const action = usePeriodAction(target.pole.slug);
  const names = { pole: target.pole.name, quarter: fmtQuarter(target.period, lang) };
  const done = () => {
    qc.invalidateQueries({ queryKey: qualityKeys.all() });
    onDone(target);
  };
  if (target.action === 'validate')
    return (
      <ValidateDialog
        pole={target.pole.slug}
        period={target.period}
        title={t('validateTitle', names)}
        pending={action.isPending}
        error={action.error}
        onCancel={onClose}
        onConfirm={() =>
          action.mutate({ period: target.period, action: 'validate' }, { onSuccess: done })
        }
      />
    );
  return (
    <ReasonDialog
      title={t(`${target.action}Title`, names)}
      text={t(`${target.action}Text`)}
      pending={action.isPending}
      error={action.error}
      onCancel={onClose}
      onConfirm={(reason) =>
        action.mutate({ period: target.period, action: 'reopen', reason }, { onSuccess: done })
      }
    />
  );
}
