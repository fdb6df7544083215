import type { Quarter } from '@ptce/shared/domain.types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegionQuality } from '../../api/quality';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QualityScore } from './quality-score';

interface Props {
  region: string;
  from?: Quarter | undefined;
  to?: Quarter | undefined;
}

/**
 * The region's data quality as a table, pole × quarter of [from, to] (by default the current
 * quarter and the seven before), each cell the quarter's score with its parts explained.
 */
export function RegionQuality({ region, from, to }: Props) {
  const { t } = useTranslation('quality');
  const lang = useLang();
  const headingId = useId();
  const query = useRegionQuality(region, { from, to });
  return (
    <section aria-labelledby={headingId} className="region-quality">
      <h2 id={headingId}>{t('region.title')}</h2>
      <p className="quality-help">{t('region.intro')}</p>
      <QueryState query={query}>
        {(data) => {
          const quarters = data.poles[0]?.quarters.map((q) => q.period) ?? [];
          if (data.poles.length === 0) return <p>{t('region.noPoles')}</p>;
          return (
            <div className="table-scroll">
              <table className="quality-table">
                <caption className="visually-hidden">
                  {t('region.caption', { region: data.region.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('region.pole')}</th>
                    {quarters.map((q) => (
                      <th scope="col" key={q}>
                        {fmtQuarter(q, lang)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.poles.map((p) => (
                    <tr key={p.slug}>
                      <th scope="row">
                        <Link to={`/poles/${encodeURIComponent(p.slug)}`}>{p.name}</Link>
                      </th>
                      {p.quarters.map((q) => (
                        <td key={q.period}>
                          <QualityScore
                            quality={q}
                            weights={data.weights}
                            pole={p.name}
                            quarter={fmtQuarter(q.period, lang)}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </QueryState>
    </section>
  );
}
