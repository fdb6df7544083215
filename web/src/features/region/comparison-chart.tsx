import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useTranslation } from 'react-i18next';
import { useValueFormatter } from '../../lib/use-lang';
import type { ComparisonRow } from './comparison-rows';

interface Props {
  indicator: Indicator;
  title: string;
  poles: readonly ComparisonRow[];
}

/**
 * One horizontal bar per pole at the compared period, largest first, in plain HTML (no chart
 * library): it reflows to any width. The numbers are those of the table, so the bars are one
 * image named by the values for screen readers.
 */
export function ComparisonChart({ indicator, title, poles }: Props) {
  const { t } = useTranslation('region');
  const fmt = useValueFormatter();
  const shown = poles
    .filter((r) => r.value !== null)
    .sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name));
  const max = Math.max(0, ...shown.map((r) => r.value!));
  const values = shown.map((r) => `${r.name} ${fmt(r.value, indicator)}`).join(', ');

  return (
    <figure className="compare-chart">
      <figcaption>
        <strong>{title}</strong> <span className="muted">{t('compare.chartNote')}</span>
      </figcaption>
      <div role="img" aria-label={t('compare.chartLabel', { title, values })}>
        {shown.map((r) => (
          <div key={r.slug} className="bar-row" aria-hidden="true">
            <span className="bar-name">{r.name}</span>
            <span className="bar-track">
              <span
                className="bar"
                style={{ width: `${max > 0 ? (Math.max(0, r.value!) / max) * 100 : 0}%` }}
              />
            </span>
            <span className="bar-value">{fmt(r.value, indicator)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
