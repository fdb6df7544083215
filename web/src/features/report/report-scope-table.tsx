import type { Quarter } from '@ptce/shared/domain.types';
import { previousQuarter, quarterRange, sameQuarterLastYear, yearOf } from '@ptce/shared/periods';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrativeParagraphs } from '../../components/narrative-paragraphs';
import { Sparkline } from '../../components/sparkline';
import { fmtChange, fmtPercent, fmtQuarter, labelIn } from '../../lib/format';
import { useLang, useValueFormatter } from '../../lib/use-lang';
import { type ReportRow, reportStart, TREND_QUARTERS } from './report-rows';

interface Props {
  name: string;
  period: Quarter;
  rows: readonly ReportRow[];
  completeness: { filled: number; expected: number } | undefined;
  /** The scope's "faits marquants" of the quarter, if it has some. */
  narrative?: string | undefined;
}

/** One scope of the report: its indicators with the quarter, comparisons, target, comment. */
export function ReportScopeTable({ name, period, rows, completeness, narrative }: Props) {
  const { t: tn } = useTranslation('narrative');
  const { t } = useTranslation('report');
  const lang = useLang();
  const fmt = useValueFormatter();
  const headingId = useId();
  const q = (p: Quarter) => fmtQuarter(p, lang);
  const trendFrom = q(reportStart(period));
  const trendTo = q(period);
  const trendQuarters = quarterRange(reportStart(period), period);
  const caption = t('caption', { scope: name, period: q(period) });

  const ytdText = (r: ReportRow) => {
    const ytd = fmt(r.ytd, r.indicator);
    if (r.target === null) return r.ytd === null ? '—' : t('noTarget', { ytd });
    const target = fmt(r.target, r.indicator);
    if (r.progress === null) return t('ytd', { ytd, target });
    return t('ytdPct', { ytd, target, pct: fmtPercent(r.progress * 100, lang) });
  };

  return (
    <section className="report-scope" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      {completeness && (
        <p className="muted">
          {t('scopeCompleteness', { ...completeness, count: completeness.filled })}
        </p>
      )}
      {narrative && (
        <div className="report-scope-narrative">
          <h3>{tn('title')}</h3>
          <NarrativeParagraphs text={narrative} />
        </div>
      )}
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the box scrolls sideways on a narrow screen, so it must be reachable by keyboard
        <section className="table-scroll report-table-box" tabIndex={0} aria-label={caption}>
          <table className="report-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.indicator')}</th>
                <th scope="col" className="num">
                  {q(period)}
                </th>
                <th scope="col" className="num">
                  {q(previousQuarter(period))}
                </th>
                <th scope="col" className="num">
                  {q(sameQuarterLastYear(period))}
                </th>
                <th scope="col" className="num">
                  {t('columns.change')}
                </th>
                <th scope="col" className="num">
                  {t('columns.yearToDate', { year: yearOf(period) })}
                </th>
                <th scope="col">{t('columns.trend', { count: TREND_QUARTERS })}</th>
                <th scope="col">{t('columns.comment')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const label = labelIn(r.indicator, lang);
                const entered = r.trend.filter((v): v is number => v !== null);
                const first = r.trend.findIndex((v) => v !== null);
                const last = r.trend.findLastIndex((v) => v !== null);
                return (
                  <tr key={r.indicator.code}>
                    <th scope="row">{label}</th>
                    <td className="num">{fmt(r.value, r.indicator)}</td>
                    <td className="num">{fmt(r.previous, r.indicator)}</td>
                    <td className="num">{fmt(r.lastYear, r.indicator)}</td>
                    <td className="num">
                      {fmtChange(r.change, lang, t('points', { ns: 'common' }))}
                    </td>
                    <td className="num">{ytdText(r)}</td>
                    <td>
                      <Sparkline
                        className="report-spark"
                        values={r.trend}
                        width={96}
                        height={24}
                        pad={2}
                        label={
                          entered.length === 0
                            ? t('trendNone', { from: trendFrom, to: trendTo })
                            : t('trendLabel', {
                                from: q(trendQuarters[first] ?? period),
                                to: q(trendQuarters[last] ?? period),
                                first: fmt(entered[0] ?? null, r.indicator),
                                last: fmt(entered[entered.length - 1] ?? null, r.indicator),
                              })
                        }
                      />
                    </td>
                    <td className="report-comment">{r.comment}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
