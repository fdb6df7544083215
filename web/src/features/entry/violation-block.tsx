import { OVERRIDE_REASON_LENGTH } from '@ptce/shared/values.wire';
import { type MouseEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridViolation } from './entry-rules';
import './violation-block.css';

/** The id of a violation's mark under one of its other rows. */
const markId = (v: GridViolation, code: string) => `${v.anchor}-${code}`;

/** Moves focus (and the view) to an element of the grid without touching the URL. */
function jump(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

/** What the grid lets one type for a violation: its reason text and the setter. */
export interface ReasonInput {
  texts: Record<string, string>;
  onChange: (key: string, text: string) => void;
}

function Heading({ v }: { v: GridViolation }) {
  const { t } = useTranslation('entry');
  const kind = v.severity === 'error' ? t('error') : t('warning');
  return (
    <strong>
      {kind} {v.rule}
      {v.sliceLabel ? ` — ${v.sliceLabel}` : ''}
      {v.overridden ? ` (${t('overridden')})` : ''}
    </strong>
  );
}

/**
 * A rule violation once, under the first row it involves: its message, the rows it involves
 * (the others linked to their mark) and, for a concerned error, its one reason box.
 * Errors are announced (role="alert"), warnings politely.
 */
export function ViolationBlock({ v, reason }: { v: GridViolation; reason: ReasonInput | null }) {
  const { t } = useTranslation('entry');
  const reasonId = useId();
  const helpId = useId();
  const error = v.severity === 'error';
  const where = [v.labels[0] ?? v.rule, v.sliceLabel].filter(Boolean).join(' — ');
  const cls = `violation ${error ? 'violation-error' : 'violation-warning'}${v.overridden ? ' overridden' : ''}`;
  return (
    <div id={v.anchor} className={cls} tabIndex={-1}>
      <p role={error ? 'alert' : 'status'}>
        <Heading v={v} />
        {t('sep')}
        {v.message}
      </p>
      {v.rows.length > 1 && (
        <p className="violation-rows small">
          {t('violationRows')}
          {v.rows.map((code, i) => (
            <span key={code}>
              {i > 0 ? ', ' : ''}
              {i === 0 ? (
                v.labels[i]
              ) : (
                <a href={`#${markId(v, code)}`} onClick={(e) => jump(e, markId(v, code))}>
                  {v.labels[i]}
                </a>
              )}
            </span>
          ))}
        </p>
      )}
      {reason && v.needsReason && (
        <div className="reason">
          <label htmlFor={reasonId}>{t('violationReasonLabel', { rule: v.rule, where })}</label>
          <textarea
            id={reasonId}
            rows={2}
            value={reason.texts[v.key] ?? ''}
            aria-describedby={helpId}
            onChange={(e) => reason.onChange(v.key, e.target.value)}
          />
          <p id={helpId} className="muted small">
            {t('violationReasonHelp', { min: OVERRIDE_REASON_LENGTH.min })}
          </p>
        </div>
      )}
    </div>
  );
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
      <Heading v={v} />
      {t('sep')}
      <a href={`#${v.anchor}`} onClick={(e) => jump(e, v.anchor)}>
        {t('violationSeeBlock', { row: v.labels[0] ?? '' })}
      </a>
    </p>
  );
}
