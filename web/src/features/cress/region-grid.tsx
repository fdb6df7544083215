import type { PeriodsResponse } from '@ptce/shared/periods.schema';
import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { PoleRow } from './pole-row';

interface Props {
  regionCode: string;
  regionName: string;
  poles: PoleSummary[];
  quarters: string[];
  current: string;
  queryOf: (slug: string) => UseQueryResult<PeriodsResponse>;
  qualityOf: (slug: string, period: string) => QuarterQuality | undefined;
  weights: RegionQualityResponse['weights'] | undefined;
  onReopen: (pole: PoleSummary, period: string) => void;
}

/**
 * Keeps a sideways-scrolling box at its right end — the latest quarters, where the work is —
 * while its content grows (cells load), until the reader scrolls it elsewhere. A no-op when
 * the table fits.
 */
function useScrolledToEnd(shown: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const box = ref.current;
    const table = box?.firstElementChild;
    if (!shown || !box || !table) return;
    let pinned = true;
    const toEnd = () => {
      if (pinned) box.scrollLeft = box.scrollWidth;
    };
    const onScroll = () => {
      pinned = box.scrollLeft + box.clientWidth >= box.scrollWidth - 2;
    };
    toEnd();
    box.addEventListener('scroll', onScroll, { passive: true });
    // jsdom has no ResizeObserver: there, the box is only scrolled once.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(toEnd);
    observer?.observe(table);
    observer?.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [shown]);
  return ref;
}

/**
 * The poles of one region × the recent quarters, as a table with row and column headers; on a
 * narrow screen it opens scrolled to the latest quarters, the poles' names kept in view.
 */
export function RegionGrid({
  regionCode,
  regionName,
  poles,
  quarters,
  current,
  queryOf,
  qualityOf,
  weights,
  onReopen,
}: Props) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  const headingId = useId();
  const scrollRef = useScrolledToEnd(poles.length > 0);
  return (
    <section aria-labelledby={headingId} className="cress-region">
      <h2 id={headingId}>{regionName}</h2>
      <p>
        <Link to={`/regions/${encodeURIComponent(regionCode)}`}>
          {t('regionDashboard', { region: regionName })}
        </Link>
      </p>
      {poles.length === 0 ? (
        <p>{t('noPoles')}</p>
      ) : (
        <div className="table-scroll" ref={scrollRef}>
          <table className="cress-grid">
            <caption className="visually-hidden">{t('caption', { region: regionName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pole')}</th>
                {quarters.map((q) => (
                  <th scope="col" key={q}>
                    {fmtQuarter(q, lang)}
                    {q === current && (
                      <span className="muted cress-current"> ({t('current')})</span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {poles.map((p) => (
                <PoleRow
                  key={p.slug}
                  pole={p}
                  quarters={quarters}
                  query={queryOf(p.slug)}
                  qualityOf={(period) => qualityOf(p.slug, period)}
                  weights={weights}
                  onReopen={(period) => onReopen(p, period)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
