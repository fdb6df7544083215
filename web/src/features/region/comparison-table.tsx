import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Sparkline } from '../../components/sparkline';
import { fmtChange } from '../../lib/format';
import { useLang, useValueFormatter } from '../../lib/use-lang';
import { type ComparisonRow, type SortDir, type SortKey, sortRows } from './comparison-rows';

interface Props {
  indicator: Indicator;
  caption: string;
  /** Column titles naming the compared period and the one before. */
  valueTitle: string;
  changeTitle: string;
  poles: readonly ComparisonRow[];
  region: ComparisonRow;
  /** The address of a pole's dashboard. */
  linkOf: (slug: string) => string;
  /** The range's first and last periods, as shown (for the sparklines' names). */
  span: { from: string; to: string };
}

/**
 * The region's poles on one indicator: value, change, completeness and trend, sortable by
 * each column with buttons in the headers (aria-sort says the order); the region's total in
 * the footer. Each pole links to its dashboard.
 */
export function ComparisonTable(p: Props) {
  const { t } = useTranslation('region');
  const lang = useLang();
  const fmt = useValueFormatter();
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({
    key: 'value',
    dir: 'descending',
  });
  const rows = sortRows(p.poles, sort.key, sort.dir, lang);
  const columns: Array<{ key: SortKey; title: string }> = [
    { key: 'name', title: t('compare.pole') },
    { key: 'value', title: p.valueTitle },
    { key: 'change', title: p.changeTitle },
    { key: 'complete', title: t('compare.complete') },
  ];
  const toggle = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' }
        : { key, dir: key === 'name' ? 'ascending' : 'descending' },
    );

  const cells = (r: ComparisonRow) => (
    <>
      <td className="num">
        {!r.tracked && r.value === null
          ? t('compare.notTracked')
          : r.value === null
            ? t('compare.notEntered')
            : fmt(r.value, p.indicator)}
        {r.value !== null && !r.valueComplete && (
          <span className="muted"> ({t('compare.partial')})</span>
        )}
      </td>
      <td className="num">{fmtChange(r.change, lang, t('points', { ns: 'common' }))}</td>
      <td className="num">
        <span aria-hidden="true">
          {t('compare.completeCount', { complete: r.complete, total: r.periods })}
        </span>
        <span className="visually-hidden">
          {t('compare.completeTitle', {
            complete: r.complete,
            total: r.periods,
            count: r.complete,
          })}
        </span>
      </td>
      <td>
        <Sparkline
          className="sparkline compare-spark"
          values={r.spark}
          width={96}
          height={24}
          pad={3}
          label={t('compare.sparkLabel', { name: r.name, ...p.span })}
        />
      </td>
    </>
  );

  return (
    <div className="table-scroll">
      <table className="compare-table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.key === 'name' ? undefined : 'num'}
                aria-sort={sort.key === c.key ? sort.dir : undefined}
              >
                <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                  {c.title}
                  <span aria-hidden="true" className="sort-mark">
                    {sort.key !== c.key ? '↕' : sort.dir === 'ascending' ? '▲' : '▼'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">{t('compare.trend')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.slug}>
              <th scope="row">
                <Link to={p.linkOf(r.slug)} aria-label={t('compare.dashboardOf', { pole: r.name })}>
                  {r.name}
                </Link>
              </th>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('compare.region')}</th>
            {cells(p.region)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
