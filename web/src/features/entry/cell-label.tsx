import { yearOf } from '@ptce/shared/periods';
import { useTranslation } from 'react-i18next';
import { fmtQuarter } from '../../lib/format';
import type { GridContext } from './grid-context';

/** The grid's column headers as each cell of a card repeats them (see entry.css). */
export function useColumnLabels(ctx: GridContext) {
  const { t } = useTranslation('entry');
  const q = (p: string | null) => (p ? fmtQuarter(p, ctx.lang) : '—');
  return {
    previous: `${q(ctx.previous)} (${t('col.previous')})`,
    lastYear: `${q(ctx.lastYear)} (${t('col.lastYear')})`,
    target: t('col.target', { year: yearOf(ctx.period) }),
    comment: t('col.comment'),
  };
}

/**
 * A column's header written in its cell, shown only when the grid is laid out as one card per
 * indicator (a narrow screen); hidden from assistive technology, which reads the real header.
 */
export function CellLabel({ text }: { text: string }) {
  return (
    <span className="cell-label" aria-hidden="true">
      {text}
    </span>
  );
}
