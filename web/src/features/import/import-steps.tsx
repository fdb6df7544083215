import type { PoleDetail } from '@ptce/shared/poles.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateUrl, useImport } from '../../api/imports';
import { usePeriods } from '../../api/periods';
import { DryRunReport } from './dry-run-report';
import { ImportConfirm } from './import-confirm';
import { ImportErrors } from './import-errors';
import { overridesFor } from './import-overrides';
import { importTakes } from './import-quarter';

/** Largest upload the server accepts (5 MiB): larger files are refused before sending. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The three steps of an import: download the template, choose a file (which runs a dry run
 * and shows its diff and errors, a reason box under each rule error), confirm (the real run,
 * all or nothing, with the reasons typed).
 */
export function ImportSteps({ pole, period }: { pole: PoleDetail; period: string }) {
  const { t } = useTranslation('import');
  const check = useImport(pole.slug);
  const apply = useImport(pole.slug);
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  // violation key → the reason typed for it under the dry run.
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const canImport = pole.roles.includes('coordinator');
  // Said before any upload: a submitted, validated or future quarter takes no file.
  const takes = importTakes(usePeriods(pole.slug).data, period, new Date());

  const choose = (chosen: File) => {
    apply.reset();
    check.reset();
    setFile(chosen);
    setReasons({});
    setTooLarge(chosen.size > MAX_BYTES);
    if (chosen.size <= MAX_BYTES) check.mutate({ period, file: chosen, dryRun: true });
  };

  return (
    <>
      <section className="import-step" aria-labelledby="import-step1">
        <h2 id="import-step1">{t('step1')}</h2>
        <p>{t('templateHelp')}</p>
        <a className="button" href={templateUrl(pole.slug, period)} download>
          {t('template')}
        </a>
      </section>
      {!canImport ? (
        <p className="notice">{t('readOnly')}</p>
      ) : takes !== 'open' ? (
        <p className="notice">{t(takes)}</p>
      ) : (
        <>
          <section className="import-step" aria-labelledby="import-step2">
            <h2 id="import-step2">{t('step2')}</h2>
            <div className="file-field">
              <label htmlFor="import-file">{t('file')}</label>
              <input
                id="import-file"
                type="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                aria-describedby="import-file-hint"
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  // Emptied at once, so choosing the same file again (once fixed) checks it again.
                  e.target.value = '';
                  if (chosen) choose(chosen);
                }}
              />
              <p id="import-file-hint" className="muted">
                {t('fileHint')}
              </p>
            </div>
            <p className="import-status" aria-live="polite">
              {file && !tooLarge
                ? t(check.isPending ? 'checking' : 'chosen', { file: file.name })
                : ''}
            </p>
            {tooLarge && (
              <p role="alert" className="error-box">
                {t('tooLarge')}
              </p>
            )}
            {check.error && <ImportErrors error={check.error} />}
            {check.data && (
              <DryRunReport
                result={check.data}
                scopes={pole.scopes}
                reasons={{
                  texts: reasons,
                  onChange: (key, text) => {
                    apply.reset();
                    setReasons((r) => ({ ...r, [key]: text }));
                  },
                }}
              />
            )}
          </section>
          <ImportConfirm
            pole={pole}
            period={period}
            file={file}
            dryRun={check.data ?? null}
            reasons={overridesFor(check.data?.rules.errors ?? [], reasons)}
            failed={check.isError || tooLarge}
            apply={apply}
          />
        </>
      )}
    </>
  );
}
