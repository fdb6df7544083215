import { useTranslation } from 'react-i18next';
import { SaveBar } from '../../components/save-bar';
import { ApiError } from '../../lib/api-client';
import { useLang } from '../../lib/use-lang';
import type { Outcome } from './use-save-entry';

/**
 * A refusal whose issues the grid shows at their rows (rule violations once each, catalogue
 * misfits): its summary without the list, which would repeat them.
 */
function summaryOf(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  if (error.code !== 'RULE_VIOLATION' && error.code !== 'INVALID_ENTRIES') return error;
  return new ApiError(error.status, error.code, error.message);
}

/**
 * The grid's save bar, kept in view: `Enregistrer` (also Ctrl+S), how many changes wait,
 * and what the last save did. A refused save says nothing was saved and the input is kept
 * (its rule violations and misfits are shown at their rows, not listed again here); a
 * conflict is left to the conflict panel.
 */
export function EntrySaveBar({
  dirty,
  pending,
  outcome,
  onSave,
}: {
  dirty: number;
  pending: boolean;
  outcome: Outcome | null;
  onSave: () => void;
}) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const failed = outcome?.kind === 'failed' ? outcome.error : null;
  const conflict = failed instanceof ApiError && failed.code === 'CONFLICT';
  let status = dirty > 0 ? t('unsaved', { count: dirty }) : t('allSaved');
  if (pending) status = t('state.saving', { ns: 'common' });
  else if (outcome?.kind === 'saved') {
    const { saved, warnings } = outcome.result;
    status = `${saved.length > 0 ? t('savedCount', { count: saved.length }) : t('savedNothing')}${
      warnings.length > 0 ? ` ${t('savedWarnings', { count: warnings.length })}` : ''
    }${dirty > 0 ? ` ${t('unsaved', { count: dirty })}` : ''}`;
  } else if (outcome?.kind === 'nothing') status = t('savedNothing');
  return (
    <SaveBar
      label={t('save')}
      pending={pending}
      status={status}
      error={failed !== null && !conflict ? summaryOf(failed) : null}
      onSave={onSave}
    >
      {outcome?.kind === 'saved' && outcome.result.warnings.length > 0 && (
        <ul className="issues issues-warning save-warnings">
          {outcome.result.warnings.map((w) => (
            <li key={`${w.rule}-${w.period}-${w.slice}-${w.messageFr}`}>
              {lang === 'fr' ? w.messageFr : w.messageEn}
            </li>
          ))}
        </ul>
      )}
      {outcome?.kind === 'problems' && (
        <p role="alert" className="error-box">
          {t('fixFirst')}
        </p>
      )}
    </SaveBar>
  );
}
