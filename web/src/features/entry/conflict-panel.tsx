import type { Indicator } from '@ptce/shared/catalogue.schema';
import { formatValue } from '@ptce/shared/format';
import { useTranslation } from 'react-i18next';
import { fmtDateTime, type Lang } from '../../lib/format';
import type { Conflict } from './use-save-entry';

/**
 * After a 409: each value someone else saved meanwhile, theirs (who, when) against the
 * user's, with a choice to keep one's own (sent again on the new version) or take theirs.
 */
export function ConflictPanel({
  conflicts,
  labelOf,
  byCode,
  lang,
  onResolve,
}: {
  conflicts: Conflict[];
  /** The accessible name of the conflicting input (indicator, and slice if any). */
  labelOf: (c: Conflict) => string;
  /** The catalogue, for each value's decimals and unit. */
  byCode: Map<string, Indicator>;
  lang: Lang;
  onResolve: (c: Conflict, keep: boolean) => void;
}) {
  const { t } = useTranslation('entry');
  if (conflicts.length === 0) return null;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title" role="alert">
      <h2 id="conflicts-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      <ul>
        {conflicts.map((c) => {
          const label = labelOf(c);
          const theirs = c.theirs;
          const indicator = byCode.get(c.indicator);
          const show = (v: number | null) =>
            indicator ? formatValue(v, indicator, lang) : String(v ?? '—');
          return (
            <li key={c.key}>
              <strong>{label}</strong>
              <p>{t('conflict.yours', { value: show(c.yours) })}</p>
              <p>
                {t('conflict.theirs', {
                  who: theirs?.updatedBy ?? t('conflict.someone'),
                  when: fmtDateTime(theirs?.updatedAt, lang),
                  value:
                    theirs?.value === null || !theirs ? t('conflict.deleted') : show(theirs.value),
                })}
                {theirs?.comment
                  ? ` — ${lang === 'fr' ? `« ${theirs.comment} »` : `“${theirs.comment}”`}`
                  : ''}
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  aria-label={`${t('conflict.keep')} — ${label}`}
                  onClick={() => onResolve(c, true)}
                >
                  {t('conflict.keep')}
                </button>
                <button
                  type="button"
                  aria-label={`${t('conflict.take')} — ${label}`}
                  onClick={() => onResolve(c, false)}
                >
                  {t('conflict.take')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
