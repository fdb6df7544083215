import { exportHeaders } from '@ptce/shared/exports.labels';
import type { ExportManifest } from '@ptce/shared/exports.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../api/catalogue';
import type { PreviewRow } from '../../api/exports';
import { fmtNumber, type Lang } from '../../lib/format';

/**
 * The preview rows as the file holds them: its columns and headers (`labels` or the scripts'
 * codes), each cell as written (`T1 2024`, `Validé`, `oui` with labels; `2024Q1`, `validated`,
 * `true` without); only the value is shown the screen's way (`1 234,5`, catalogue decimals).
 */
export function PreviewTable({
  rows,
  manifest,
  lang,
}: {
  rows: PreviewRow[];
  manifest: ExportManifest;
  lang: Lang;
}) {
  const { t } = useTranslation('exports');
  const id = useId();
  const catalogue = useCatalogue().data;
  const decimals = new Map(catalogue?.indicators.map((i) => [i.code, i.decimals]));
  const total = manifest.rowCount;
  const columns = manifest.columns;
  const headers = exportHeaders(manifest.filters.labels);
  const cell = (row: PreviewRow, col: string) => {
    const v = (row as unknown as Record<string, unknown>)[col];
    return v === undefined || v === null ? '' : String(v);
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className="preview-table">
        <caption id={`${id}-caption`}>
          {total > rows.length
            ? t('preview.caption', { shown: rows.length, total: fmtNumber(total, lang, 0) })
            : t('preview.captionAll', { count: rows.length, total: rows.length })}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={c === 'value' ? 'num' : undefined}>
                {headers[i] ?? c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={`${row.region}|${row.pole}|${row.scope}|${row.indicator}|${row.period}|${row.slice}`}
            >
              {columns.map((c) =>
                c === 'value' ? (
                  <td key={c} className="num">
                    {fmtNumber(row.value, lang, decimals.get(row.indicator))}
                  </td>
                ) : (
                  <td key={c}>{cell(row, c)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
