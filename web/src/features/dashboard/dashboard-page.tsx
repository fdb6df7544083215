import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { periodsQuery } from '../../api/periods';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { latestEnteredQuarter, periodsWindow } from './completeness';
import { CompletenessPanel } from './completeness-panel';
import { preloadTrendChart } from './lazy-trend-chart';
import { NarrativeSummary } from './narrative-summary';
import { RangeSelector } from './range-selector';
import { ScopeSection } from './scope-section';
import { useDashboardData } from './use-dashboard-data';
import { useDashboardParams } from './use-dashboard-params';
import './dashboard.css';

/**
 * A pole's dashboard (`/poles/{pole}`): per scope, a tile per tracked indicator; a tile opens
 * its trend. The range, time step and open tile live in the address, so a view can be shared;
 * without a range, it ends with the newest quarter holding values (or the last complete one).
 */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const { pole = '' } = useParams();
  const [now] = useState(() => new Date());
  const periods = useQuery({
    ...periodsQuery(pole, periodsWindow(now)),
    placeholderData: keepPreviousData,
  });
  const latest = periods.data
    ? latestEnteredQuarter(periods.data.periods)
    : periods.error
      ? null
      : undefined;
  const params = useDashboardParams(latest, now);
  const query = useDashboardData(pole, params.from, params.to, params.ready);

  useEffect(preloadTrendChart, []);

  return (
    <div className="dashboard">
      <PageTitle text={query.data ? t('title', { pole: query.data.pole.name }) : t('titleShort')} />
      <QueryState query={query} minHeight="40rem">
        {(data) => (
          <>
            <p className="muted">{data.pole.territory}</p>
            <div className="dashboard-top">
              <RangeSelector
                from={params.from}
                to={params.to}
                onChange={params.setRange}
                now={now}
              />
              <CompletenessPanel
                query={periods}
                scopes={data.pole.scopes}
                from={params.from}
                to={params.to}
              />
            </div>
            <NarrativeSummary pole={data.pole.slug} period={params.to} />
            {data.pole.scopes.map((scope) => (
              <ScopeSection
                key={scope.slug}
                scope={scope}
                data={data}
                params={params}
                onOpen={(code) => (code ? params.openTrend(scope.slug, code) : params.closeTrend())}
                onStep={params.setBy}
              />
            ))}
          </>
        )}
      </QueryState>
    </div>
  );
}
