import { useTranslation } from 'react-i18next';
import {
  jumpTo,
  type ReasonInput,
  ViolationBlock,
  ViolationHeading,
  type ViolationView,
} from '../../components/violation-block';
import type { GridViolation } from './entry-rules';

/** The id of a violation's mark under one of its other rows. */
const markId = (v: GridViolation, code: string) => `${v.anchor}-${code}`;

/** A grid violation as the shared block shows it: its rows, the others linked to their mark. */
function viewOf(v: GridViolation): ViolationView {
  return {
    ...v,
    places: v.rows.map((code, i) => ({
      label: v.labels[i] ?? code,
      target: i === 0 ? null : markId(v, code),
    })),
    where: [v.labels[0] ?? v.rule, v.sliceLabel].filter(Boolean).join(' — '),
  };
}

/**
 * A rule violation once, under the first row it involves: its message, the rows it involves
 * (the others linked to their mark) and, for a concerned error, its one reason box.
 */
export function GridViolationBlock({
  v,
  reason,
}: {
  v: GridViolation;
  reason: ReasonInput | null;
}) {
  return <ViolationBlock v={viewOf(v)} reason={reason} />;
}

/** Under another row a violation involves: a mark linking to its block. */
export function ViolationMark({ v, code }: { v: GridViolation; code: string }) {
  const { t } = useTranslation('entry');
  return (
    <p
      id={markId(v, code)}
      tabIndex={-1}
      className={`violation-mark ${v.severity === 'error' && !v.overridden ? 'issues-error' : 'muted'}`}
    >
      <ViolationHeading v={v} />
      {t('sep')}
      <a href={`#${v.anchor}`} onClick={(e) => jumpTo(e, v.anchor)}>
        {t('violationSeeBlock', { row: v.labels[0] ?? '' })}
      </a>
    </p>
  );
}
