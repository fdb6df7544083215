import type { ImportResult } from '@ptce/shared/imports.schema';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import type { ViolationOverride } from '@ptce/shared/values.schema';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportRequest } from '../../api/imports';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ImportErrors } from './import-errors';
import { RuleResults } from './rule-results';

type Apply = UseMutationResult<ImportResult, Error, ImportRequest>;

/**
 * The real run of a checked file: enabled once its dry run lists changes and each blocking rule
 * error has a reason typed (sent for its violation), disabled while it runs (a status line says
 * so), then the summary and a link to the grid.
 */
export function ImportConfirm({
  pole,
  period,
  file,
  dryRun,
  reasons,
  failed,
  apply,
}: {
  pole: PoleDetail;
  period: string;
  file: File | null;
  dryRun: ImportResult | null;
  /** The reasons typed for the dry run's rule errors, and how many errors have none yet. */
  reasons: { overrides: ViolationOverride[]; missing: number };
  /** The chosen file was refused (too large, or its dry run failed). */
  failed: boolean;
  apply: Apply;
}) {
  const { t } = useTranslation('import');
  const lang = useLang();
  const blocked = !dryRun || dryRun.changes.length === 0 || reasons.missing > 0;
  const reason = failed
    ? t('fixFirst')
    : !dryRun
      ? t('chooseFirst')
      : reasons.missing > 0
        ? t('reasonsFirst', { count: reasons.missing })
        : dryRun.changes.length === 0
          ? t('nothingToImport')
          : t('confirmHelp');
  const firstScope = pole.scopes[0]?.slug;
  return (
    <section className="import-step" aria-labelledby="import-step3">
      <h2 id="import-step3">{t('step3')}</h2>
      <p id="import-confirm-help" className="muted">
        {reason}
      </p>
      <button
        type="button"
        className="primary"
        disabled={blocked || apply.isPending || apply.isSuccess}
        aria-describedby="import-confirm-help"
        onClick={() =>
          file && apply.mutate({ period, file, dryRun: false, overrides: reasons.overrides })
        }
      >
        {t('confirm')}
      </button>
      <p className="import-status" role="status">
        {apply.isPending && file
          ? t('importing', { file: file.name })
          : apply.data
            ? t('done', { count: apply.data.changes.length })
            : ''}
      </p>
      {apply.data && (
        <>
          <RuleResults issues={apply.data.rules.overridden} severity="overridden" />
          <RuleResults issues={apply.data.rules.warnings} severity="warning" />
          {firstScope && (
            <p>
              <Link to={`/poles/${pole.slug}/saisie/${period}/${firstScope}`}>
                {t('openGrid', { period: fmtQuarter(period, lang) })}
              </Link>
            </p>
          )}
        </>
      )}
      {apply.error && <ImportErrors error={apply.error} />}
    </section>
  );
}
