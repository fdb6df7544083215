import { useTranslation } from 'react-i18next';
import type { SeriesStyle } from './series-style';

/** The chart's legend in HTML, most important line first (the exported image draws its own). */
export function ChartLegend({ styles }: { styles: readonly SeriesStyle[] }) {
  const { t } = useTranslation('dashboard');
  return (
    <ul className="chart-legend" aria-label={t('trend.legend')}>
      {[...styles].reverse().map((s) => (
        <li key={s.key}>
          <svg width="28" height="10" aria-hidden="true" focusable="false">
            <line
              x1="1"
              y1="5"
              x2="27"
              y2="5"
              stroke={s.color}
              strokeWidth={s.width}
              strokeDasharray={s.dash}
            />
          </svg>
          {t(s.nameKey)}
        </li>
      ))}
    </ul>
  );
}
