import type { Indicator } from '@ptce/shared/catalogue.schema';
import { seriesKey } from '@ptce/shared/figures/figures';
import type { Scope } from '@ptce/shared/poles.schema';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../components/query-state';
import { fmtNumber, fmtQuarter, labelIn } from '../../lib/format';
import { useLang, useValueFormatter } from '../../lib/use-lang';
import { trendRows } from './chart-data';
import { exportFileName } from './chart-export';
import { ChartLegend } from './chart-legend';
import { useTrendChart } from './lazy-trend-chart';
import { seriesStyles } from './series-style';
import { TrendTable } from './trend-table';
import { TrendToolbar } from './trend-toolbar';
import { useChartDownload } from './use-chart-download';
import type { FiguresData } from './use-dashboard-data';
import type { DashboardParams } from './use-dashboard-params';

interface Props {
  id: string;
  scope: Scope;
  indicator: Indicator;
  data: FiguresData;
  params: DashboardParams;
  onClose: () => void;
  onStep: (by: DashboardParams['by']) => void;
}

/** The opened tile: a region named "Évolution — {label}" with the chart, its table, downloads. */
export function TrendPanel({ id, scope, indicator, data, params, onClose, onStep }: Props) {
  const { t } = useTranslation('dashboard');
  const lang = useLang();
  const formatValue = useValueFormatter();
  const headingId = useId();
  const tableId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const chartRef = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const { chart, failed: chartFailed, retry: retryChart } = useTrendChart();
  const { by } = params;
  const { from, to } = data.range;

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when another tile opens
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [indicator.code]);

  const label = labelIn(indicator, lang);
  const title = t('trend.title', { label });
  const unit = t(`unitNames.${indicator.unit}`, { ns: 'common' });
  const caption = t(indicator.unit === 'count' ? 'trend.captionNoUnit' : 'trend.caption', {
    label,
    unit,
    by: t(by === 'quarter' ? 'trend.byQuarterLower' : 'trend.byYearLower'),
    from: fmtQuarter(from, lang),
    to: fmtQuarter(to, lang),
  });
  const key = seriesKey(scope.slug, indicator.code);
  const rows = trendRows((by === 'quarter' ? data.figures.quarterly : data.years).get(key), {
    by,
    from,
    to,
    kind: indicator.kind,
    targetOf: (year) => data.targetOf(scope.slug, indicator.code, year),
    before: by === 'year' ? data.yearsBefore.get(key) : undefined,
  });
  const styles = seriesStyles(indicator.kind, by).filter(
    (s) => data.hasTargets !== false || s.key !== 'target',
  );
  const names = Object.fromEntries(styles.map((s) => [s.key, t(s.nameKey)])) as Record<
    (typeof styles)[number]['key'],
    string
  >;
  const format = (v: number) => formatValue(v, indicator);
  const periodLabel = (p: string) => (by === 'quarter' ? fmtQuarter(p, lang) : p);

  const { download, busy, failed } = useChartDownload(chartRef, () => ({
    title,
    subtitle: caption,
    legend: [...styles].reverse().map((s) => ({ ...s, label: names[s.key] })),
    fileName: exportFileName([indicator.code, scope.slug, from, to, by]),
  }));

  return (
    <section id={id} className="trend-panel" aria-labelledby={headingId}>
      <div className="trend-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h3>
        <button
          type="button"
          className="no-print"
          aria-label={t('trend.closeLabel', { label })}
          onClick={onClose}
        >
          {t('trend.close')}
        </button>
      </div>
      <TrendToolbar
        by={by}
        onStep={onStep}
        showTable={showTable}
        tableId={tableId}
        onToggleTable={() => setShowTable((v) => !v)}
        onDownload={download}
        busy={busy}
      />
      {failed && (
        <p role="alert" className="error-box">
          {t('trend.downloadFailed')}
        </p>
      )}
      <figure className="trend-figure">
        <div className="chart-box" ref={chartRef}>
          {chart ? (
            <chart.TrendChart
              rows={rows}
              styles={styles}
              names={names}
              format={format}
              periodLabel={periodLabel}
              tick={(v) => fmtNumber(v, lang)}
              texts={{ notEntered: t('trend.notEntered'), partial: t('trend.partial') }}
              title={title}
              desc={caption}
            />
          ) : chartFailed ? (
            <ErrorMessage error={null} text={t('trend.chartFailed')} onRetry={retryChart} />
          ) : (
            <Loading label={t('trend.loadingChart')} minHeight="100%" />
          )}
        </div>
        <ChartLegend styles={styles} />
        <figcaption>{caption}</figcaption>
      </figure>
      {showTable && (
        <TrendTable
          id={tableId}
          caption={t(
            data.hasTargets === false ? 'trend.tableCaptionNoTarget' : 'trend.tableCaption',
            {
              label,
            },
          )}
          rows={rows}
          styles={styles}
          format={format}
          periodLabel={periodLabel}
        />
      )}
    </section>
  );
}
