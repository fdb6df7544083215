import type { HistoryEntry } from '@ptce/shared/values.schema';
import { useTranslation } from 'react-i18next';
import { fmtDateTime, fmtQuarter, type Lang } from '../../lib/format';
import type { HistoryLabels } from './history-labels';

/** Rows the API returns at most (its default limit). */
const HISTORY_LIMIT = 1000;

/** Who changed which value, when, from what to what, with which comment and why. */
export function HistoryTable({
  entries,
  labels,
  lang,
}: {
  entries: HistoryEntry[];
  labels: HistoryLabels;
  lang: Lang;
}) {
  const { t } = useTranslation('history');
  if (entries.length === 0) return <p className="muted">{t('empty')}</p>;
  const num = (h: HistoryEntry, v: number | null) =>
    v === null ? t('cleared') : labels.value(h.indicator, v);
  const quote = (s: string) => (lang === 'fr' ? `« ${s} »` : `“${s}”`);
  return (
    <>
      {entries.length >= HISTORY_LIMIT && (
        <p className="notice">{t('limited', { count: entries.length })}</p>
      )}
      <table className="history-table">
        <caption>{t('caption', { count: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.when')}</th>
            <th scope="col">{t('col.what')}</th>
            <th scope="col" className="num">
              {t('col.change')}
            </th>
            <th scope="col">{t('col.comment')}</th>
            <th scope="col">{t('col.who')}</th>
            <th scope="col">{t('col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((h) => (
            <tr key={h.id}>
              <td className="nowrap">{fmtDateTime(h.changedAt, lang)}</td>
              <td>
                <strong>{labels.indicator(h.indicator)}</strong>
                {h.slice !== '' && <> — {labels.slice(h.slice)}</>}
                <br />
                <span className="muted small">
                  {labels.scope(h.scope)} · {fmtQuarter(h.period, lang)}
                </span>
              </td>
              <td className="num nowrap">
                {h.oldValue === null && h.version <= 1 ? '—' : num(h, h.oldValue)} →{' '}
                {num(h, h.newValue)}
              </td>
              <td>
                {h.oldComment !== h.newComment && h.oldComment ? (
                  <>
                    <del>{quote(h.oldComment)}</del> →{' '}
                    {h.newComment ? quote(h.newComment) : t('cleared')}
                  </>
                ) : (
                  h.newComment && quote(h.newComment)
                )}
              </td>
              <td>{h.changedBy ?? t('unknownUser')}</td>
              <td>{h.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
