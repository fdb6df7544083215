import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePeriods } from '../../api/periods';
import { usePole } from '../../api/poles';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import './home.css';
import { homeQuarters } from './home-model';
import { QuarterCard } from './quarter-card';

/**
 * "Mon trimestre", a coordinator's home: the current quarter and every earlier quarter still
 * in draft (sent back and reopened ones included), each scope with its state, values filled and
 * deadline, and the quarter's submission. After a submission focus goes to the sentence that
 * says it (the quarter's panel is gone, an earlier quarter's whole card too).
 */
export function QuarterHomePage({ pole }: { pole: string }) {
  const { t } = useTranslation('home');
  const { t: tw } = useTranslation('workflow');
  const lang = useLang();
  const poleQ = usePole(pole);
  const periodsQ = usePeriods(pole);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const query = {
    data: poleQ.data && periodsQ.data ? { pole: poleQ.data, periods: periodsQ.data } : undefined,
    error: poleQ.error ?? periodsQ.error,
    isPending: poleQ.isPending || periodsQ.isPending,
    refetch: () => Promise.all([poleQ.refetch(), periodsQ.refetch()]),
  };
  const today = new Date();
  const onSubmitted = (period: string) => {
    setSubmitted(period);
    // The sentence is rendered by then (same commit as the panel's removal).
    requestAnimationFrame(() => doneRef.current?.focus());
  };
  return (
    <div className="quarter-home">
      <PageTitle text={t('title')} />
      <p ref={doneRef} tabIndex={-1} role="status" className={submitted ? 'notice' : undefined}>
        {submitted ? tw('submit.done', { period: fmtQuarter(submitted, lang) }) : ''}
      </p>
      <QueryState query={query} minHeight="20rem">
        {({ pole: detail, periods }) => {
          const { current, late, previous } = homeQuarters(periods.periods);
          const { deadlineDays, resubmitDays } = periods;
          const card = (state: NonNullable<typeof current>) => (
            <QuarterCard
              key={state.period}
              pole={pole}
              state={state}
              scopes={detail.scopes}
              rules={{ deadlineDays, resubmitDays }}
              today={today}
              lang={lang}
              canSubmit={detail.roles.includes('coordinator')}
              onSubmitted={onSubmitted}
            />
          );
          return (
            <>
              <p>{t('intro', { pole: detail.name })}</p>
              <h2>{t('current')}</h2>
              {current && card(current)}
              <h2>{t('late')}</h2>
              {late.length > 0 ? (
                late.map(card)
              ) : (
                <p className="muted">
                  {previous
                    ? t('noLate', {
                        period: fmtQuarter(previous.period, lang),
                        status: t(`statusWord.${previous.status}`),
                      })
                    : t('noLateAtAll')}
                </p>
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

/** `/poles/{pole}/trimestres`. */
export function QuarterHomeRoute() {
  const { pole } = useParams();
  return <QuarterHomePage pole={pole!} />;
}
