import { mayTake } from '@ptce/shared/period-workflow';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ReviewDialog, type ReviewTarget } from '../review/review-dialog';

interface Props {
  pole: PoleDetail;
  state: PeriodWithCompleteness | undefined;
}

/**
 * The review of the quarter from its report, for the region's CRESS and admins (not printed):
 * validate (with its confirmation) or send back a submitted quarter, reopen a validated one.
 */
export function ReportReview({ pole, state }: Props) {
  const { t } = useTranslation('report');
  const { t: tr } = useTranslation('review');
  const lang = useLang();
  const [target, setTarget] = useState<ReviewTarget | null>(null);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);

  const roles = new Set(pole.roles);
  const status = state?.status;
  const offered: ReviewTarget['action'][] = [];
  if (status === 'submitted' && mayTake('validate', roles)) offered.push('validate');
  if (status === 'submitted' && mayTake('reopen', roles)) offered.push('sendBack');
  if (status === 'validated' && mayTake('reopen', roles)) offered.push('reopen');
  if (!state || (offered.length === 0 && !message)) return null;
  const quarter = fmtQuarter(state.period, lang);
  const ask = (action: ReviewTarget['action']) => {
    setMessage('');
    setTarget({ pole, period: state.period, action });
  };

  return (
    <div className="report-review no-print">
      <p ref={statusRef} role="status" tabIndex={-1} className="report-review-status">
        {message}
      </p>
      {offered.length > 0 && (
        <div className="report-review-actions">
          {offered.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'validate' ? 'primary' : undefined}
              onClick={() => ask(action)}
            >
              {t(`review.${action}`, { quarter })}
            </button>
          ))}
        </div>
      )}
      {target && (
        <ReviewDialog
          key={`${target.period}-${target.action}`}
          target={target}
          onClose={() => setTarget(null)}
          onDone={(done) => {
            setTarget(null);
            setMessage(tr(`done.${done.action}`, { pole: pole.name, quarter }));
          }}
        />
      )}
    </div>
  );
}
