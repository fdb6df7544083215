import type { Narrative } from '@ptce/shared/narrative.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrativeParagraphs } from '../../components/narrative-paragraphs';
import { fmtDateTime, type Lang } from '../../lib/format';

/**
 * After a 409 on the narrative: the other person's texts (who, when), the user's staying in
 * the fields, with a choice to keep one's own (saved over theirs next) or take theirs.
 */
export function NarrativeConflict({
  theirs,
  scope,
  lang,
  onResolve,
}: {
  theirs: Narrative;
  scope: { slug: string; name: string } | undefined;
  lang: Lang;
  onResolve: (keepMine: boolean) => void;
}) {
  const { t } = useTranslation('narrative');
  const id = useId();
  const scopeText = scope ? (theirs.scopes[scope.slug] ?? '') : '';
  return (
    <section className="narrative-conflict" role="alert" aria-labelledby={id}>
      <h3 id={id}>{t('conflict.title')}</h3>
      <p>{t('conflict.intro')}</p>
      <p className="small">
        {t('conflict.theirs', {
          who: theirs.updatedBy ?? t('someone'),
          when: fmtDateTime(theirs.updatedAt, lang),
        })}
      </p>
      <blockquote>
        {theirs.text ? <NarrativeParagraphs text={theirs.text} /> : <p>{t('none')}</p>}
        {scope && scopeText && (
          <>
            <p className="small">{t('scopeLabel', { scope: scope.name })}</p>
            <NarrativeParagraphs text={scopeText} />
          </>
        )}
      </blockquote>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onResolve(true)}>
          {t('conflict.keep')}
        </button>
        <button type="button" onClick={() => onResolve(false)}>
          {t('conflict.take')}
        </button>
      </div>
    </section>
  );
}
