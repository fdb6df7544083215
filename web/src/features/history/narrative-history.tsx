import type { NarrativeChange } from '@ptce/shared/narrative.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNarrativeHistory } from '../../api/narrative';
import { NarrativeParagraphs } from '../../components/narrative-paragraphs';
import { QueryState } from '../../components/query-state';
import { fmtDateTime, fmtQuarter, type Lang } from '../../lib/format';
import './narrative-history.css';

interface Props {
  pole: string;
  /** The quarter of the history's filter; without one, a hint to pick one. */
  period: string | undefined;
  /** The scope of the filter: its text's changes only (`pole`: the pole's text). */
  scope: string | undefined;
  scopes: readonly Scope[];
  lang: Lang;
}

/** The changes of a quarter's "faits marquants", newest first: which text, who, when, old and new. */
export function NarrativeHistory({ pole, period, scope, scopes, lang }: Props) {
  const { t } = useTranslation('narrative');
  const id = useId();
  const query = useNarrativeHistory(pole, period ?? null, scope);
  const nameOf = (c: NarrativeChange) =>
    c.scope === null
      ? t('history.poleText')
      : (scopes.find((s) => s.slug === c.scope)?.name ?? c.scope);
  return (
    <section className="narrative-history" aria-labelledby={id}>
      <h2 id={id}>
        {period ? t('history.title', { period: fmtQuarter(period, lang) }) : t('title')}
      </h2>
      {period === undefined ? (
        <p className="muted">{t('history.pickPeriod')}</p>
      ) : (
        <QueryState query={query} minHeight="4rem">
          {({ changes }) =>
            changes.length === 0 ? (
              <p className="muted">{t('history.empty')}</p>
            ) : (
              <ol className="narrative-changes">
                {changes.map((c) => (
                  <li key={c.id}>
                    <p>
                      <strong>{nameOf(c)}</strong> —{' '}
                      {t('history.change', {
                        who: c.changedBy ?? t('someone'),
                        when: fmtDateTime(c.changedAt, lang),
                        version: c.version,
                      })}
                    </p>
                    {c.newText ? (
                      <NarrativeParagraphs text={c.newText} />
                    ) : (
                      <p className="muted">{t('history.cleared')}</p>
                    )}
                    <details>
                      <summary>{t('history.oldText')}</summary>
                      {c.oldText ? (
                        <NarrativeParagraphs text={c.oldText} />
                      ) : (
                        <p className="muted">{t('history.firstWritten')}</p>
                      )}
                    </details>
                  </li>
                ))}
              </ol>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
