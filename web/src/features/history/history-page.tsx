import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCatalogue } from '../../api/catalogue';
import { type HistoryFilter, useHistory } from '../../api/history';
import { usePeriods } from '../../api/periods';
import { usePole } from '../../api/poles';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import './history.css';
import { HistoryFilters } from './history-filters';
import { historyLabels } from './history-labels';
import { HistoryTable } from './history-table';
import { NarrativeHistory } from './narrative-history';

const KEYS = ['indicator', 'scope', 'period', 'slice'] as const;

/** The filter in the address; `slice=` (empty) is the total, no `slice` every slice. */
function readFilter(params: URLSearchParams): HistoryFilter {
  const f: HistoryFilter = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v !== null && (v !== '' || k === 'slice')) f[k] = v;
  }
  return f;
}

/** `/poles/{pole}/historique?indicator=&scope=&period=&slice=`: every change of the values. */
export function HistoryPage() {
  const { t } = useTranslation('history');
  const lang = useLang();
  const { pole = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const periodsQ = usePeriods(pole);
  const historyQ = useHistory(pole, filter);
  const meta = {
    data:
      poleQ.data && catalogueQ.data && periodsQ.data
        ? { pole: poleQ.data, catalogue: catalogueQ.data, periods: periodsQ.data.periods }
        : undefined,
    error: poleQ.error ?? catalogueQ.error ?? periodsQ.error,
    isPending: poleQ.isPending || catalogueQ.isPending || periodsQ.isPending,
    refetch: () => Promise.all([poleQ.refetch(), catalogueQ.refetch(), periodsQ.refetch()]),
  };
  return (
    <div className="history-page">
      <PageTitle text={t('title')} />
      <p>{t('intro')}</p>
      <QueryState query={meta} minHeight="30rem">
        {({ pole: detail, catalogue, periods }) => {
          const labels = historyLabels(catalogue, detail.scopes, lang);
          return (
            <>
              <HistoryFilters
                filter={filter}
                onChange={(next) => setParams(next as Record<string, string>, { replace: true })}
                scopes={detail.scopes}
                catalogue={catalogue}
                quarters={periods.map((p) => p.period).reverse()}
                labels={labels}
              />
              {filter.scope && filter.period && (
                <p>
                  <Link to={`/poles/${pole}/saisie/${filter.period}/${filter.scope}`}>
                    {t('backToGrid', {
                      period: fmtQuarter(filter.period, lang),
                      scope: labels.scope(filter.scope),
                    })}
                  </Link>
                </p>
              )}
              <QueryState query={historyQ} minHeight="20rem">
                {(entries) => <HistoryTable entries={entries} labels={labels} lang={lang} />}
              </QueryState>
              <NarrativeHistory
                pole={pole}
                period={filter.period}
                scope={filter.scope}
                scopes={detail.scopes}
                lang={lang}
              />
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
