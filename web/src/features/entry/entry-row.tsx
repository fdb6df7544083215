import { seriesKey } from '@ptce/shared/figures/figures';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoGrowTextarea } from '../../components/auto-grow-textarea';
import { fmtNumber } from '../../lib/format';
import { CellLabel, useColumnLabels } from './cell-label';
import { CellPanelButton } from './cell-panel';
import { DefinitionTip } from './definition-tip';
import { cellKey, type RowModel } from './entry-model';
import type { GridContext } from './grid-context';
import { RowIssues } from './row-issues';
import { SliceRows } from './slice-rows';
import { TargetProgress } from './target-progress';
import { ValueInput } from './value-input';

/**
 * One indicator of the grid: its total (or computed ratio) with unit, definition, the
 * previous quarter, the same quarter last year, the year's target progress and a comment;
 * under it its rule messages and override reason, and its breakdowns when opened.
 */
export function EntryRow({ row, ctx }: { row: RowModel; ctx: GridContext }) {
  const { t } = useTranslation('entry');
  const [open, setOpen] = useState(false);
  const inputId = useId();
  const columns = useColumnLabels(ctx);
  const issuesId = useId();
  const slicesId = useId();
  const { indicator, label } = row;
  const { lang } = ctx;
  const code = indicator.code;
  const ratio = indicator.kind === 'ratio';
  const total = ctx.view.cells.get(cellKey(code, ''));
  const comment = ctx.view.comments.get(code);
  const issues = ctx.rules.byIndicator.get(code) ?? [];
  const server = ctx.serverIssues.get(code) ?? [];
  const hasError = issues.some((i) => i.severity === 'error' && !i.overridden);
  const showIssues = issues.length > 0 || server.length > 0 || !!comment?.needsValue;
  const series = ctx.figures.quarterly.get(seriesKey(ctx.scope, code));
  const at = (period: string | null) =>
    period ? fmtNumber(series?.get(period)?.value, lang, indicator.decimals) : '—';
  const storedReason = total && !total.changed ? total.base.overrideReason : null;

  return (
    <>
      <tbody className={hasError ? 'entry-row has-error' : 'entry-row'} data-cell={code}>
        <tr>
          <th scope="row" className="row-head">
            <span className="row-title">
              {ratio ? <span>{label}</span> : <label htmlFor={inputId}>{label}</label>}
              <DefinitionTip
                label={label}
                text={lang === 'fr' ? indicator.definitionFr : indicator.definitionEn}
              />
            </span>
            <span className="row-meta">
              <span className="unit">{t(`units.${indicator.unit}`, { ns: 'common' })}</span>
              {ratio && <span className="computed">{t('computed')}</span>}
              <CellPanelButton code={code} label={label} />
              {row.dimensions.length > 0 && (
                <button
                  type="button"
                  className="toggle"
                  aria-expanded={open}
                  aria-controls={open ? slicesId : undefined}
                  aria-label={`${t('breakdowns')} — ${label}`}
                  onClick={() => setOpen(!open)}
                >
                  {t('breakdowns')}
                </button>
              )}
            </span>
          </th>
          <td className="value">
            {ratio || !total ? (
              <output className="ratio-value">{at(ctx.period)}</output>
            ) : (
              <ValueInput
                id={inputId}
                cell={total}
                decimals={indicator.decimals}
                ctx={ctx}
                describedBy={showIssues ? issuesId : undefined}
                ruleError={hasError}
              />
            )}
          </td>
          <td className="num">
            <CellLabel text={columns.previous} />
            {at(ctx.previous)}
          </td>
          <td className="num">
            <CellLabel text={columns.lastYear} />
            {at(ctx.lastYear)}
          </td>
          <td className="num target">
            <CellLabel text={columns.target} />
            <TargetProgress indicator={indicator} ctx={ctx} />
          </td>
          <td className="comment">
            {comment && <CellLabel text={columns.comment} />}
            {comment && (
              <AutoGrowTextarea
                aria-label={t('commentLabel', { label })}
                readOnly={ctx.readOnly}
                value={comment.text}
                onChange={(e) => ctx.onComment(code, e.target.value)}
              />
            )}
          </td>
        </tr>
        {showIssues && (
          <tr className="issues-row">
            <td colSpan={6}>
              <RowIssues
                id={issuesId}
                code={code}
                violations={issues}
                server={server}
                commentNeedsValue={!!comment?.needsValue}
                storedReason={storedReason}
                reasons={ctx.readOnly ? null : { texts: ctx.reasons, onChange: ctx.onReason }}
              />
            </td>
          </tr>
        )}
      </tbody>
      {open && <SliceRows id={slicesId} row={row} ctx={ctx} />}
    </>
  );
}
