import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportParams, exportUrl, manifestUrl } from '../../api/exports';

/**
 * The export as plain links, so the browser streams a large file to disk itself, and the
 * address an integrator can script against.
 */
export function ExportDownload({ params }: { params: ExportParams | null }) {
  const { t } = useTranslation('exports');
  const id = useId();
  return (
    <section className="export-download" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('download.title')}</h2>
      {params ? (
        <>
          <p className="download-links">
            <a
              className="button primary"
              href={exportUrl(params)}
              download
              aria-describedby={`${id}-format`}
            >
              {t('download.file')}
            </a>
            <span id={`${id}-format`} className="muted">
              {t(`format.${params.format}`)}
            </span>
            <a href={manifestUrl(params)} download="manifeste-export.json">
              {t('download.manifest')}
            </a>
          </p>
          <p className="export-url">
            {t('download.url')} <code>{`${window.location.origin}${exportUrl(params)}`}</code>
          </p>
        </>
      ) : (
        <p className="notice">{t('poles.none')}</p>
      )}
    </section>
  );
}
