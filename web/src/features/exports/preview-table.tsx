import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import { QuarterSchema } from '@ptce/shared/periods';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../api/catalogue';
import { fmtNumber, fmtQuarter, type Lang } from '../../lib/format';

const COLUMNS = ['region', 'pole', 'scope', 'indicator', 'unit', 'period', 'slice'] as const;

/** The preview rows as in the file, with French numbers (catalogue decimals) and `T2 2025`. */
export function PreviewTable({
  rows,
  total,
  lang,
}: {
  rows: AggregateRow[];
  total: number;
  lang: Lang;
}) {
  const { t } = useTranslation('exports');
  const id = useId();
  const catalogue = useCatalogue().data;
  const decimals = new Map(catalogue?.indicators.map((i) => [i.code, i.decimals]));
  const cell = (row: AggregateRow, col: (typeof COLUMNS)[number]) =>
    col === 'period' && QuarterSchema.safeParse(row.period).success
      ? fmtQuarter(row.period, lang)
      : row[col];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className="preview-table">
        <caption id={`${id}-caption`}>
          {total > rows.length
            ? t('preview.caption', { shown: rows.length, total: fmtNumber(total, lang, 0) })
            : t('preview.captionAll', { total: rows.length })}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`col.${c}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('col.value')}
            </th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.complete')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.region}|${row.pole}|${row.scope}|${row.indicator}|${row.period}|${row.slice}`}
            >
              {COLUMNS.map((c) => (
                <td key={c}>{cell(row, c)}</td>
              ))}
              <td className="num">{fmtNumber(row.value, lang, decimals.get(row.indicator))}</td>
              <td>{t(`status.${row.status}`)}</td>
              <td>{row.complete ? t('yes') : t('no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
