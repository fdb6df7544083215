import { useTranslation } from 'react-i18next';
import type { TrendRow } from './chart-data';
import type { SeriesStyle } from './series-style';

interface Props {
  id: string;
  caption: string;
  rows: readonly TrendRow[];
  styles: readonly SeriesStyle[];
  format: (value: number) => string;
  periodLabel: (period: string) => string;
}

/** The chart's numbers as a table: the text alternative of the trend. */
export function TrendTable({ id, caption, rows, styles, format, periodLabel }: Props) {
  const { t } = useTranslation('dashboard');
  const columns = [...styles].reverse();
  return (
    <div className="table-scroll" id={id}>
      <table className="trend-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trend.period')}</th>
            {columns.map((s) => (
              <th key={s.key} scope="col" className="num">
                {t(s.nameKey)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{periodLabel(row.period)}</th>
              {columns.map((s) => {
                const v = row[s.key];
                return (
                  <td key={s.key} className="num">
                    {v === null ? (s.key === 'target' ? '—' : t('trend.notEntered')) : format(v)}
                    {s.key === 'value' && v !== null && !row.complete && ` (${t('trend.partial')})`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
