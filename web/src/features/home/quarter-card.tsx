import { type PeriodWithCompleteness, quarterCompleteness } from '@ptce/shared/periods.wire';
import type { Scope } from '@ptce/shared/poles.schema';
import { type DeadlineRules, daysLate } from '@ptce/shared/quality';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayStatus, StatusBadge } from '../../components/status-badge';
import { SubmitPanel } from '../../components/submit-panel';
import { TransitionNotice } from '../../components/transition-notice';
import { fmtDate, fmtQuarter, type Lang } from '../../lib/format';
import { deadlineOf } from './home-model';

/**
 * One quarter of "Mon trimestre": its state (following the values), deadline (recomputed from a
 * sending back or reopening, as the reminders do; highlighted when overdue), why it came back when sent back or reopened, each scope with its state, values
 * filled and a link to its grid; for the coordinator, the quarter's submission (the grid's
 * confirmation, refused rules linked to their grid).
 */
export function QuarterCard({
  pole,
  state,
  scopes,
  rules,
  today,
  lang,
  canSubmit,
  onSubmitted,
}: {
  pole: string;
  state: PeriodWithCompleteness;
  scopes: Scope[];
  /** The deadline's settings, from the periods answer. */
  rules: DeadlineRules;
  today: Date;
  lang: Lang;
  /** The caller coordinates the pole: a draft can be submitted from here. */
  canSubmit: boolean;
  /** After this quarter's submission (its panel goes): where focus goes next. */
  onSubmitted: (period: string) => void;
}) {
  const { t } = useTranslation('home');
  const titleId = useId();
  const q = fmtQuarter(state.period, lang);
  const deadline = deadlineOf(state, rules);
  const open = state.status === 'draft';
  const late = open ? daysLate(deadline, today) : 0;
  const { filled, expected } = quarterCompleteness(state);
  const name = (slug: string) => scopes.find((s) => s.slug === slug)?.name ?? slug;
  const verb = open ? t('enter') : t('view');
  return (
    <section
      className={late > 0 ? 'quarter-card overdue' : 'quarter-card'}
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        {q} <StatusBadge status={displayStatus(state.status, state.reason, filled, expected)} />
      </h3>
      <p className="deadline">
        {t('deadline', { date: fmtDate(`${deadline}T12:00:00Z`, lang) })}
        {late > 0 && <strong className="late"> — {t('overdue', { count: late })}</strong>}
      </p>
      <TransitionNotice state={state} lang={lang} />
      <table className="scopes-table">
        <caption className="visually-hidden">{t('caption', { period: q })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.scope')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col" className="num">
              {t('col.filled')}
            </th>
            <th scope="col">{t('col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {state.scopes.map((s) => (
            <tr key={s.scope}>
              <th scope="row">{name(s.scope)}</th>
              <td className="scope-status">
                <StatusBadge
                  status={displayStatus(state.status, state.reason, s.filled, s.expected)}
                />
              </td>
              <td className="num scope-filled">
                {t('filled', { filled: s.filled, expected: s.expected })}
                <meter
                  className="filled-meter"
                  min={0}
                  max={Math.max(1, s.expected)}
                  value={s.filled}
                  aria-hidden="true"
                />
              </td>
              <td className="scope-action">
                <Link
                  to={`/poles/${pole}/saisie/${state.period}/${s.scope}`}
                  aria-label={t('linkLabel', { verb, scope: name(s.scope), period: q })}
                >
                  {verb}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && canSubmit && (
        <SubmitPanel
          pole={pole}
          state={state}
          scopeNames={new Map(scopes.map((s) => [s.slug, s.name]))}
          lang={lang}
          named
          onSubmitted={() => onSubmitted(state.period)}
        />
      )}
    </section>
  );
}
