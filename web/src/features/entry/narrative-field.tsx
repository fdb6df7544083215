import { NARRATIVE_MAX_CHARS, narrativeLength } from '@ptce/shared/narrative.wire';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtNumber, type Lang } from '../../lib/format';
import { textProblem } from './use-narrative-editor';

/**
 * One text of the narrative: a labelled text area with its character counter (Unicode code
 * points, as the server counts) and what would refuse it, both read as its description.
 */
export function NarrativeField({
  label,
  value,
  lang,
  onChange,
}: {
  label: string;
  value: string;
  lang: Lang;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('narrative');
  const id = useId();
  const problem = textProblem(value);
  const count = narrativeLength(value);
  return (
    <div className="narrative-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={6}
        aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-count`} className={`narrative-counter small${problem ? ' over' : ''}`}>
        {t('counter', {
          count: fmtNumber(count, lang, 0),
          max: fmtNumber(NARRATIVE_MAX_CHARS, lang, 0),
        })}
      </p>
      {problem && (
        <p id={`${id}-problem`} className="narrative-problem small">
          {problem === 'control' ? t('control') : t('tooLong', { count: problem.over })}
        </p>
      )}
    </div>
  );
}
