import { quarterFromIndex, quarterIndex } from '@ptce/shared/periods';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCatalogue } from '../../api/catalogue';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { preloadTrendChart } from '../dashboard/lazy-trend-chart';
import { RangeSelector } from '../dashboard/range-selector';
import { ScopeSection } from '../dashboard/scope-section';
import { useDashboardParams } from '../dashboard/use-dashboard-params';
import { RegionQuality } from '../quality/region-quality';
import { PoleComparison } from './pole-comparison';
import { useRegionData } from './use-region-data';
import '../dashboard/dashboard.css';
import './region.css';

/** The quality table's quarters: the range's last eight at most (the API answers up to 20). */
function qualityFrom(from: string, to: string): string {
  return quarterFromIndex(Math.max(quarterIndex(from), quarterIndex(to) - 7));
}

/** The address parameter of the compared indicator. */
const COMPARED = 'comparer';

/**
 * A region's dashboard (`/regions/{region}`, for its CRESS and the admins): the region's
 * totals as tiles and trends by theme, as on a pole's dashboard, then its poles compared on
 * any indicator, then the data quality of each pole's last eight quarters. Range, time step, open tile and compared indicator live in the address;
 * without a range it shows the twelve quarters up to the last complete one.
 */
export function RegionPage() {
  const { t } = useTranslation('region');
  const { region = '' } = useParams();
  const [now] = useState(() => new Date());
  const params = useDashboardParams(null, now);
  const [search, setSearch] = useSearchParams();
  const catalogue = useCatalogue().data;
  // The compared indicator: the address's when it is one of the catalogue's, else the first.
  const asked = search.get(COMPARED);
  const compared = catalogue
    ? (catalogue.indicators.find((i) => i.code === asked) ?? catalogue.indicators[0])?.code
    : undefined;
  const query = useRegionData(region, params.from, params.to, compared);
  // An indicator the region has none of is not offered: compare the first it has instead.
  const offered = query.data?.sections.flatMap((s) => s.indicators);
  const fallback = offered && compared && !offered.includes(compared) ? offered[0] : undefined;

  useEffect(preloadTrendChart, []);
  useEffect(() => {
    if (fallback) pick(fallback);
  });

  const linkOf = (slug: string) =>
    `/poles/${encodeURIComponent(slug)}?du=${params.from}&au=${params.to}${params.by === 'year' ? '&pas=annee' : ''}`;
  const pick = (code: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(COMPARED, code);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <div className="dashboard region-dashboard">
      <PageTitle
        text={query.data ? t('title', { region: query.data.region.name }) : t('titleShort')}
      />
      <QueryState query={query} minHeight="40rem">
        {(data) => (
          <>
            <p className="muted">{t('intro', { count: data.poles.length })}</p>
            {data.poles.length === 0 ? (
              <p>{t('noPoles')}</p>
            ) : (
              <p className="region-jump no-print">
                <a href="#comparer-les-poles">{t('compare.title')}</a>
              </p>
            )}
            <div className="dashboard-top">
              <RangeSelector
                from={params.from}
                to={params.to}
                onChange={params.setRange}
                now={now}
              />
            </div>
            {data.sections.map((section) => (
              <ScopeSection
                key={section.slug}
                scope={{
                  ...section,
                  name: t(`themes.${section.slug}`, { defaultValue: section.slug }),
                }}
                data={data}
                params={params}
                onOpen={(code) =>
                  code ? params.openTrend(section.slug, code) : params.closeTrend()
                }
                onStep={params.setBy}
              />
            ))}
            {data.poles.length > 0 && (
              <PoleComparison
                id="comparer-les-poles"
                data={data}
                by={params.by}
                onStep={params.setBy}
                code={compared ?? null}
                onPick={pick}
                linkOf={linkOf}
              />
            )}
            {data.poles.length > 0 && (
              <RegionQuality
                region={region}
                from={qualityFrom(params.from, params.to)}
                to={params.to}
              />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
