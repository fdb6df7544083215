import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportParams, exportUrl, manifestUrl } from '../../api/exports';
import { ErrorMessage } from '../../components/query-state';
import { useCheckedDownload } from './use-checked-download';

const MANIFEST_FILE = 'manifeste-export.json';

/**
 * The export as plain links, so the browser streams a large file to disk itself, checked
 * first against the manifest of the same filters (see `useCheckedDownload`), and the address
 * an integrator can script against.
 */
export function ExportDownload({
  params,
  missing,
}: {
  params: ExportParams | null;
  /** What to choose when there are no params (a pole, a quarter state). */
  missing: string;
}) {
  const { t } = useTranslation('exports');
  const id = useId();
  return (
    <section className="export-download" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('download.title')}</h2>
      {params ? <DownloadLinks params={params} id={id} /> : <p className="notice">{missing}</p>}
    </section>
  );
}

function DownloadLinks({ params, id }: { params: ExportParams; id: string }) {
  const { t } = useTranslation('exports');
  const check = useCheckedDownload(manifestUrl(params), MANIFEST_FILE);
  return (
    <>
      <p className="download-links" aria-busy={check.pending || undefined}>
        <a
          className="button primary"
          href={exportUrl(params)}
          download
          aria-describedby={`${id}-format`}
          onClick={check.onClick}
        >
          {t('download.file')}
        </a>
        <span id={`${id}-format`} className="muted">
          {t(`format.${params.format}`)}
        </span>
        <a href={manifestUrl(params)} download={MANIFEST_FILE} onClick={check.onClick}>
          {t('download.manifest')}
        </a>
      </p>
      <p role="status" className="muted small">
        {check.pending ? t('download.checking') : ''}
      </p>
      {check.error ? <ErrorMessage error={check.error} /> : null}
      <p className="export-url">
        {t('download.url')} <code>{`${window.location.origin}${exportUrl(params)}`}</code>
      </p>
    </>
  );
}
