import type { Narrative } from '@ptce/shared/narrative.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrativeParagraphs } from '../../components/narrative-paragraphs';

/**
 * The report's "faits marquants": the pole's text of the quarter, under the report's facts
 * (each working group's text is in its own section). Nothing when the pole wrote none.
 */
export function ReportNarrative({ narrative }: { narrative: Narrative | undefined }) {
  const { t } = useTranslation('narrative');
  const id = useId();
  if (!narrative?.text) return null;
  return (
    <section className="report-narrative" aria-labelledby={id}>
      <h2 id={id}>{t('title')}</h2>
      <NarrativeParagraphs text={narrative.text} />
    </section>
  );
}
