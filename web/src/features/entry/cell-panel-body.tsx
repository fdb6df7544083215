import { seriesKey } from '@ptce/shared/figures/figures';
import { formatValue } from '@ptce/shared/format';
import { shiftQuarterWithin } from '@ptce/shared/periods';
import type { HistoryEntry, StoredValue } from '@ptce/shared/values.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHistory } from '../../api/history';
import { qs } from '../../lib/api-client';
import { fmtDateTime, fmtQuarter, type Lang } from '../../lib/format';
import { cellKey, type RowModel } from './entry-model';
import type { GridContext } from './grid-context';

/** How many quarters before the entered one the panel lists (what the grid loaded). */
const QUARTERS_BEFORE = 4;

const quote = (s: string, lang: Lang) => (lang === 'fr' ? `«\u00a0${s}\u00a0»` : `“${s}”`);

/**
 * What the side panel shows of a row's total: the catalogue's definition, the value and its
 * comment, this quarter's changes (who, when, old → new, comment, reason) and the quarters
 * before with their comments, then a link to the full history page.
 */
export function CellPanelBody({
  row,
  ctx,
  values,
  scopeName,
}: {
  row: RowModel;
  ctx: GridContext;
  values: StoredValue[];
  scopeName: string;
}) {
  const { t } = useTranslation('entry');
  const { indicator } = row;
  const { lang, period, scope } = ctx;
  const code = indicator.code;
  const ratio = indicator.kind === 'ratio';
  const fmt = (v: number | null | undefined) => formatValue(v, indicator, lang);
  const cell = ctx.view.cells.get(cellKey(code, ''));
  const comment = ctx.view.comments.get(code);
  const definition = lang === 'fr' ? indicator.definitionFr : indicator.definitionEn;
  const series = ctx.figures.quarterly.get(seriesKey(scope, code));
  const commentOf = new Map(
    values
      .filter((v) => v.indicator === code && v.slice === '' && v.scope === scope)
      .map((v) => [v.period, v.comment]),
  );
  const quarters: string[] = [];
  for (let k = 1; k <= QUARTERS_BEFORE; k += 1) {
    const q = shiftQuarterWithin(period, -k);
    if (q !== period && !quarters.includes(q)) quarters.push(q);
  }
  const all = `/poles/${ctx.pole}/historique${qs({ indicator: code, scope, period })}`;

  return (
    <div className="cell-panel-body">
      <p className="muted small">
        {scopeName} · {fmtQuarter(period, lang)}
      </p>
      <h3>{t('panel.definition')}</h3>
      <p>{definition || t('noDefinition')}</p>

      <h3>{t('panel.current')}</h3>
      <dl className="cell-panel-facts">
        <dt>{t('panel.saved')}</dt>
        <dd>{ratio ? fmt(series?.get(period)?.value) : fmt(cell?.base.value)}</dd>
        {cell?.changed && (
          <>
            <dt>{t('panel.typed')}</dt>
            <dd>
              {cell.typed.value === null ? cell.text || t('panel.cleared') : fmt(cell.typed.value)}
            </dd>
          </>
        )}
        {!ratio && (
          <>
            <dt>{t('col.comment')}</dt>
            <dd>
              {cell?.base.comment ? quote(cell.base.comment, lang) : t('panel.noComment')}
              {comment?.changed && (
                <span className="cell-panel-typed">
                  {' '}
                  {t('panel.commentTyped', {
                    comment: comment.value ? quote(comment.value, lang) : t('panel.cleared'),
                  })}
                </span>
              )}
            </dd>
          </>
        )}
        {cell?.base.overrideReason && (
          <>
            <dt>{t('panel.reason')}</dt>
            <dd>{cell.base.overrideReason}</dd>
          </>
        )}
      </dl>

      <h3>{t('panel.changes')}</h3>
      {ratio ? (
        <p className="muted">{t('panel.computed')}</p>
      ) : (
        <CellChanges
          pole={ctx.pole}
          code={code}
          scope={scope}
          period={period}
          fmt={fmt}
          lang={lang}
        />
      )}

      <h3>{t('panel.before')}</h3>
      <table className="cell-panel-quarters">
        <thead>
          <tr>
            <th scope="col">{t('panel.quarter')}</th>
            <th scope="col" className="num">
              {t('panel.value')}
            </th>
            <th scope="col">{t('col.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => {
            const c = commentOf.get(q);
            return (
              <tr key={q}>
                <th scope="row">{fmtQuarter(q, lang)}</th>
                <td className="num">{fmt(series?.get(q)?.value)}</td>
                <td>{c ? quote(c, lang) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <p>
        <Link to={all}>{t('panel.all')}</Link>
      </p>
    </div>
  );
}

/** This quarter's changes of the total, newest first (cached per cell by TanStack Query). */
function CellChanges({
  pole,
  code,
  scope,
  period,
  fmt,
  lang,
}: {
  pole: string;
  code: string;
  scope: string;
  period: string;
  fmt: (v: number | null) => string;
  lang: Lang;
}) {
  const { t } = useTranslation('entry');
  const q = useHistory(pole, { indicator: code, scope, period, slice: '' });
  if (q.isPending) return <p className="muted">{t('panel.loading')}</p>;
  if (q.isError) return <p className="field-error">{t('panel.failed')}</p>;
  if (q.data.length === 0) return <p className="muted">{t('panel.noChange')}</p>;
  const num = (v: number | null) => (v === null ? t('panel.cleared') : fmt(v));
  return (
    <ol className="cell-panel-changes">
      {q.data.map((h: HistoryEntry) => (
        <li key={h.id}>
          <p className="cell-panel-when">
            <time dateTime={h.changedAt}>{fmtDateTime(h.changedAt, lang)}</time>
            {' — '}
            {h.changedBy ?? t('panel.someone')}
          </p>
          <p className="cell-panel-change">
            {h.oldValue === null && h.version <= 1 ? '—' : num(h.oldValue)} → {num(h.newValue)}
          </p>
          {h.oldComment !== h.newComment && h.oldComment ? (
            <p>
              <del>{quote(h.oldComment, lang)}</del> →{' '}
              {h.newComment ? quote(h.newComment, lang) : t('panel.cleared')}
            </p>
          ) : (
            h.newComment && <p>{quote(h.newComment, lang)}</p>
          )}
          {h.reason && (
            <p className="muted small">
              {t('panel.reason')}
              {t('sep')}
              {h.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
