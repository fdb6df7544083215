import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportParams, useExportPreview } from '../../api/exports';
import { ErrorMessage, Loading } from '../../components/query-state';
import { fmtDateTime, fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { PreviewTable } from './preview-table';

const STATUS_ORDER = ['validated', 'submitted', 'draft', 'mixed'] as const;

/**
 * The first rows of the export with the current filters (the JSON export read up to 20 rows),
 * its row count (by status) and SHA-256. The previous preview stays while the next loads, marked busy.
 */
export function ExportPreview({ params, settling }: { params: ExportParams; settling: boolean }) {
  const { t } = useTranslation('exports');
  const lang = useLang();
  const id = useId();
  const query = useExportPreview(params);
  const busy = settling || query.isFetching;
  const data = query.data;
  return (
    <section className="export-preview" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h2 id={`${id}-title`}>{t('preview.title')}</h2>
      <p className="preview-status" aria-live="polite">
        {busy && data ? t('preview.updating') : ''}
      </p>
      {query.error ? (
        <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
      ) : !data ? (
        <Loading minHeight="24rem" />
      ) : (
        <>
          <dl className="manifest">
            <dt>{t('preview.rows')}</dt>
            <dd>{fmtNumber(data.manifest.rowCount, lang, 0)}</dd>
            <dt>{t('preview.byStatus')}</dt>
            <dd>
              <ul className="status-counts">
                {STATUS_ORDER.map((s) => (
                  <li key={s}>
                    {t('preview.statusCount', {
                      status: t(`status.${s}`),
                      count: fmtNumber(data.manifest.statusCounts[s], lang, 0),
                    })}
                  </li>
                ))}
              </ul>
            </dd>
            <dt>{t('preview.sha256')}</dt>
            <dd>
              <code>{data.manifest.sha256}</code>
            </dd>
            <dt>{t('preview.generated')}</dt>
            <dd>{fmtDateTime(data.manifest.generatedAt, lang)}</dd>
          </dl>
          {data.rows.length === 0 ? (
            <p className="muted">{t('preview.empty')}</p>
          ) : (
            <PreviewTable rows={data.rows} manifest={data.manifest} lang={lang} />
          )}
        </>
      )}
    </section>
  );
}
