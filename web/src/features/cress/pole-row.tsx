import type { PeriodsResponse } from '@ptce/shared/periods.schema';
import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QuarterCell } from './quarter-cell';

interface Props {
  pole: PoleSummary;
  quarters: string[];
  query: UseQueryResult<PeriodsResponse>;
  qualityOf: (period: string) => QuarterQuality | undefined;
  weights: RegionQualityResponse['weights'] | undefined;
  /** Reopening needs a reason: the page opens the dialog. */
  onReopen: (period: string) => void;
}

/** A pole's row: its name and links, then one cell per quarter. */
export function PoleRow({ pole, quarters, query, qualityOf, weights, onReopen }: Props) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  const byPeriod = new Map(query.data?.periods.map((p) => [p.period, p]));
  const slug = encodeURIComponent(pole.slug);

  return (
    <tr>
      <th scope="row" className="cress-pole">
        <span className="cress-pole-name">{pole.name}</span>
        <span className="muted cress-territory">{pole.territory}</span>
        <span className="cress-links">
          <Link to={`/poles/${slug}`} aria-label={t('links.dashboardOf', { pole: pole.name })}>
            {t('links.dashboard')}
          </Link>
          <Link to={`/poles/${slug}/rapport`} aria-label={t('links.reportOf', { pole: pole.name })}>
            {t('links.report')}
          </Link>
        </span>
      </th>
      {query.error ? (
        <td colSpan={quarters.length}>
          <ErrorMessage error={query.error} onRetry={() => query.refetch()} />
        </td>
      ) : query.isPending ? (
        quarters.map((q) => (
          <td key={q} className="cress-cell loading" aria-busy="true">
            {t('loadingCell')}
          </td>
        ))
      ) : (
        quarters.map((q) => (
          <QuarterCell
            key={q}
            poleSlug={pole.slug}
            poleName={pole.name}
            quarterLabel={fmtQuarter(q, lang)}
            state={byPeriod.get(q)}
            quality={qualityOf(q)}
            weights={weights}
            onReopen={() => onReopen(q)}
          />
        ))
      )}
    </tr>
  );
}
