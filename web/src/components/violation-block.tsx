import { OVERRIDE_REASON_LENGTH } from '@ptce/shared/values.wire';
import { type MouseEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AutoGrowTextarea } from './auto-grow-textarea';
import './violation-block.css';

/**
 * A rule violation as a screen shows it once (the entry grid under its first row, the import
 * under its dry run): what it is, what it involves, whether a reason overrides it.
 */
export interface ViolationView {
  /** Its `violationKey` (rule, scope, slice, subject): the key of the reason typed for it. */
  key: string;
  /** The DOM id of its block. */
  anchor: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** `Sexe : Femmes` when evaluated on a slice. */
  sliceLabel: string | null;
  /** What it involves (the grid's rows, the file's lines): a target id makes a place a link. */
  places: Array<{ label: string; target: string | null }>;
  /** List the places even when there is one (the block is not beside it); default: 2 or more. */
  showPlaces?: boolean;
  /** Where it is, in its reason box's label (`Sorties de parcours`, `Mobilité sociale`). */
  where: string;
  /** An error a reason overrides. */
  overridden: boolean;
  /** Its reason box is shown. */
  needsReason: boolean;
}

/** What a screen lets one type for a violation: its reason text and the setter. */
export interface ReasonInput {
  texts: Record<string, string>;
  onChange: (key: string, text: string) => void;
}

/** Moves focus (and the view) to an element of the page without touching the URL. */
export function jumpTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  e.preventDefault();
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

/** `Erreur E1 — Sexe : Femmes (dérogation)`. */
export function ViolationHeading({
  v,
}: {
  v: Pick<ViolationView, 'severity' | 'rule' | 'sliceLabel' | 'overridden'>;
}) {
  const { t } = useTranslation('workflow');
  const kind = v.severity === 'error' ? t('violation.error') : t('violation.warning');
  return (
    <strong>
      {kind} {v.rule}
      {v.sliceLabel ? ` — ${v.sliceLabel}` : ''}
      {v.overridden ? ` (${t('violation.overridden')})` : ''}
    </strong>
  );
}

/**
 * A rule violation once: its message, the places it involves (beyond the first, linked when
 * they can be reached) and, for an error that needs one, its one reason box, which grows with
 * its text. Errors are announced (role="alert"), warnings politely.
 */
export function ViolationBlock({ v, reason }: { v: ViolationView; reason: ReasonInput | null }) {
  const { t } = useTranslation('workflow');
  const reasonId = useId();
  const helpId = useId();
  const error = v.severity === 'error';
  const cls = `violation ${error ? 'violation-error' : 'violation-warning'}${v.overridden ? ' overridden' : ''}`;
  return (
    <div id={v.anchor} className={cls} tabIndex={-1}>
      <p role={error ? 'alert' : 'status'}>
        <ViolationHeading v={v} />
        {t('violation.sep')}
        {v.message}
      </p>
      {(v.showPlaces ? v.places.length > 0 : v.places.length > 1) && (
        <p className="violation-rows small">
          {t('violation.rows')}
          {v.places.map((place, i) => (
            <span key={place.target ?? place.label}>
              {i > 0 ? ', ' : ''}
              {place.target ? (
                <a href={`#${place.target}`} onClick={(e) => jumpTo(e, place.target!)}>
                  {place.label}
                </a>
              ) : (
                place.label
              )}
            </span>
          ))}
        </p>
      )}
      {reason && v.needsReason && (
        <div className="reason">
          <label htmlFor={reasonId}>
            {t('violation.reasonLabel', { rule: v.rule, where: v.where })}
          </label>
          <AutoGrowTextarea
            id={reasonId}
            rows={2}
            value={reason.texts[v.key] ?? ''}
            aria-describedby={helpId}
            onChange={(e) => reason.onChange(v.key, e.target.value)}
          />
          <p id={helpId} className="muted small">
            {t('violation.reasonHelp', { min: OVERRIDE_REASON_LENGTH.min })}
          </p>
        </div>
      )}
    </div>
  );
}
