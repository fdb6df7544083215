import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { Role } from '@ptce/shared/session.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePoles } from '../../api/poles';
import { useSession } from '../../api/session';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useLang } from '../../lib/use-lang';
import { ExportDownload } from './export-download';
import { ExportFields } from './export-fields';
import { defaultForm, exportParams, quarterOptions, withRange } from './export-model';
import { ExportPreview } from './export-preview';
import './exports.css';
import { useDebounced } from './use-debounced';

/** Filters stop changing this long before the preview is fetched again. */
const PREVIEW_DELAY_MS = 400;

/** `/exports`: the aggregated export of the caller's scope, with a preview and the download. */
export function ExportsPage() {
  const { t } = useTranslation('exports');
  const session = useSession();
  const poles = usePoles();
  return (
    <div className="exports-page">
      <PageTitle text={t('title')} />
      <p>{t('intro')}</p>
      {/* The session first: a CRESS's form starts from validated quarters only. */}
      <QueryState query={session} minHeight="30rem">
        {(me) => (
          <QueryState query={poles} minHeight="30rem">
            {(list) => (
              <ExportsScreen
                poles={list}
                roles={new Set<Role>(me?.user.memberships.map((m) => m.role) ?? [])}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </div>
  );
}

function ExportsScreen({ poles, roles }: { poles: PoleSummary[]; roles: Set<Role> }) {
  const { t } = useTranslation('exports');
  const lang = useLang();
  const [now] = useState(() => new Date());
  const [form, setForm] = useState(() => defaultForm(now, roles));
  const filter = {
    region: roles.has('admin'),
    poles: roles.has('admin') || roles.has('cress') || poles.length > 1,
  };
  const params = exportParams(form, poles, filter, lang);
  const settled = useDebounced(params, PREVIEW_DELAY_MS);
  const settling = JSON.stringify(params) !== JSON.stringify(settled);
  return (
    <>
      <form className="export-form" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <ExportFields
          form={form}
          quarters={quarterOptions(now)}
          poles={poles}
          filter={filter}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          onRange={(which, q) => setForm((f) => withRange(f, which, q))}
        />
      </form>
      <ExportDownload
        params={params}
        missing={form.statuses.length === 0 ? t('statuses.none') : t('poles.none')}
      />
      {settled && <ExportPreview params={settled} settling={settling} />}
    </>
  );
}
