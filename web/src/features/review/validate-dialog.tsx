import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeriodQuality } from '../../api/quality';
import { ErrorMessage, Loading } from '../../components/query-state';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QualityFacts } from '../quality/quality-facts';
import { ModalDialog } from './modal-dialog';

interface Props {
  pole: string;
  period: string;
  title: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before validating (which locks the quarter), showing the quarter's completeness,
 * outlier warnings and warnings left, and errors overridden, from the quality API. Focus starts
 * on Annuler: validating takes a deliberate second step; it is offered once the figures are in
 * (or failed to load: a read error does not block the workflow).
 */
export function ValidateDialog({
  pole,
  period,
  title,
  pending,
  error,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation('review');
  const { t: tq } = useTranslation('quality');
  const lang = useLang();
  const quality = usePeriodQuality(pole, period);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const q = quality.data?.quality;
  return (
    <ModalDialog title={title} initialFocus={cancelRef} busy={pending} onCancel={onCancel}>
      {({ textId }) => (
        <>
          <p id={textId}>{t('validateText')}</p>
          {quality.error ? (
            <ErrorMessage error={quality.error} onRetry={() => quality.refetch()} />
          ) : !quality.data || !q ? (
            <Loading label={t('loadingFacts')} minHeight="8rem" />
          ) : (
            <>
              {q.completeness.filled < q.completeness.expected && (
                <p className="review-warning">{t('validateIncomplete')}</p>
              )}
              <p className="review-score">
                {q.score === null
                  ? tq('scorePending')
                  : tq('score', { score: fmtNumber(q.score, lang) })}
              </p>
              <QualityFacts quality={q} weights={quality.data.weights} />
            </>
          )}
          {error ? <ErrorMessage error={error} /> : null}
          <div className="review-dialog-actions">
            <button
              type="button"
              className="primary"
              disabled={pending || quality.isPending}
              onClick={onConfirm}
            >
              {pending ? t('validating') : t('validateConfirm')}
            </button>
            <button ref={cancelRef} type="button" onClick={onCancel} disabled={pending}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
