import { checkBreakdowns } from '@ptce/shared/breakdowns';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../lib/format';
import { CellLabel, useColumnLabels } from './cell-label';
import { cellKey, type RowModel } from './entry-model';
import type { GridContext } from './grid-context';
import { ValueInput } from './value-input';

/**
 * A row's breakdowns, opened under its total: per dimension, its running sum against the
 * total, then one input per member named `{indicator} — {dimension} : {member}`.
 */
export function SliceRows({ id, row, ctx }: { id: string; row: RowModel; ctx: GridContext }) {
  const { t } = useTranslation('entry');
  const { lang, view } = ctx;
  const columns = useColumnLabels(ctx);
  const code = row.indicator.code;
  const decimals = row.indicator.decimals;
  const total = view.current.get(cellKey(code, '')) ?? null;
  const sep = lang === 'fr' ? ' : ' : ': ';
  const stored = (period: string | null, slice: string) =>
    period ? fmtNumber(ctx.lookup(period, code, slice), lang, decimals) : '—';
  return (
    <tbody id={id} className="slices">
      {row.dimensions.map((dim) => {
        const filled = dim.slices.flatMap((s) => {
          const value = view.current.get(cellKey(code, s.slice));
          return value === undefined ? [] : [{ slice: s.slice, value }];
        });
        // The shared breakdown check, as the consistency rule judges it.
        const check = checkBreakdowns(total, filled)[0];
        const sum = check?.sum ?? 0;
        const ok = !check || check.ok;
        return [
          <tr key={dim.code} className="slice-dim">
            <th scope="rowgroup" colSpan={2}>
              {dim.label}
            </th>
            <td colSpan={4} className={ok ? 'slice-sum' : 'slice-sum mismatch'} aria-live="polite">
              {filled.length === 0
                ? null
                : total === null
                  ? t('sliceSumNoTotal', { sum: fmtNumber(sum, lang, decimals) })
                  : t('sliceSum', {
                      sum: fmtNumber(sum, lang, decimals),
                      total: fmtNumber(total, lang, decimals),
                    })}
            </td>
          </tr>,
          ...dim.slices.map((s) => {
            const cell = view.cells.get(cellKey(code, s.slice));
            if (!cell) return null;
            return (
              <tr key={s.slice} className="slice-row">
                <th scope="row" className="slice-label">
                  {s.memberLabel}
                </th>
                <td className="value">
                  <ValueInput
                    cell={cell}
                    label={`${row.label} — ${dim.label}${sep}${s.memberLabel}`}
                    decimals={decimals}
                    ctx={ctx}
                  />
                </td>
                <td className="num">
                  <CellLabel text={columns.previous} />
                  {stored(ctx.previous, s.slice)}
                </td>
                <td className="num">
                  <CellLabel text={columns.lastYear} />
                  {stored(ctx.lastYear, s.slice)}
                </td>
                <td />
                <td />
              </tr>
            );
          }),
        ];
      })}
    </tbody>
  );
}
