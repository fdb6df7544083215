import { yearOf } from '@ptce/shared/periods';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtQuarter } from '../../lib/format';
import type { RowModel } from './entry-model';
import { EntryRow } from './entry-row';
import type { GridContext } from './grid-context';

/** Enter / ↓ go to the next value input, Shift+Enter / ↑ to the previous one. */
function moveFocus(e: KeyboardEvent<HTMLTableElement>) {
  const target = e.target;
  if (!(target instanceof HTMLInputElement) || !target.hasAttribute('data-nav')) return;
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const step =
    e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)
      ? 1
      : e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)
        ? -1
        : 0;
  if (step === 0) return;
  const inputs = [...e.currentTarget.querySelectorAll<HTMLInputElement>('input[data-nav]')];
  const next = inputs[inputs.indexOf(target) + step];
  e.preventDefault();
  if (!next) return;
  next.focus();
  next.select();
}

/** The entry grid of one scope and quarter: a header, then one row group per indicator. */
export function EntryGrid({
  rows,
  ctx,
  caption,
}: {
  rows: RowModel[];
  ctx: GridContext;
  caption: string;
}) {
  const { t } = useTranslation('entry');
  const q = (p: string | null) => (p ? fmtQuarter(p, ctx.lang) : '—');
  return (
    <div className="table-scroll entry-grid-box">
      <table className="entry-grid" onKeyDown={moveFocus}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.indicator')}</th>
            <th scope="col">{t('col.value', { period: q(ctx.period) })}</th>
            <th scope="col" className="num">
              {q(ctx.previous)}
              <span className="th-note">{t('col.previous')}</span>
            </th>
            <th scope="col" className="num">
              {q(ctx.lastYear)}
              <span className="th-note">{t('col.lastYear')}</span>
            </th>
            <th scope="col" className="num">
              {t('col.target', { year: yearOf(ctx.period) })}
            </th>
            <th scope="col">{t('col.comment')}</th>
          </tr>
        </thead>
        {rows.map((row) => (
          <EntryRow key={row.indicator.code} row={row} ctx={ctx} />
        ))}
      </table>
    </div>
  );
}
