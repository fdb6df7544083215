import type { Quarter } from '@ptce/shared/domain.types';
import { compareQuarters } from '@ptce/shared/periods';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { missingQuarters } from './completeness';
import { CompletenessTable } from './completeness-table';

interface Props {
  /** The pole's quarters (status and completeness), a wider window than the range. */
  query: {
    data: { periods: PeriodWithCompleteness[] } | undefined;
    error: unknown;
    isPending: boolean;
    refetch: () => unknown;
  };
  scopes: readonly Scope[];
  from: Quarter;
  to: Quarter;
}

/** Which quarters and scopes of the range lack values, with the full grid on demand. */
export function CompletenessPanel({ query, scopes, from, to }: Props) {
  const { t } = useTranslation('dashboard');
  const lang = useLang();
  const headingId = useId();
  const nameOf = (slug: string) => scopes.find((s) => s.slug === slug)?.name ?? slug;
  const range = { from: fmtQuarter(from, lang), to: fmtQuarter(to, lang) };

  return (
    <section className="completeness" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('completeness.title')}</h2>
      <QueryState query={query} minHeight="3rem">
        {({ periods: all }) => {
          const periods = all.filter(
            (p) => compareQuarters(p.period, from) >= 0 && compareQuarters(p.period, to) <= 0,
          );
          const missing = missingQuarters(
            periods,
            from,
            to,
            scopes.map((s) => s.slug),
          );
          return (
            <>
              {missing.length === 0 ? (
                <p>{t('completeness.allComplete', range)}</p>
              ) : (
                <>
                  <p>{t('completeness.missing', { count: missing.length, ...range })}</p>
                  <ul className="missing-list">
                    {missing.map((m) => (
                      <li key={m.period}>
                        {t('completeness.missingItem', {
                          period: fmtQuarter(m.period, lang),
                          scopes: m.scopes
                            .map((s) =>
                              t('completeness.scopeCount', { ...s, scope: nameOf(s.scope) }),
                            )
                            .join(', '),
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <details>
                <summary>{t('completeness.details')}</summary>
                <CompletenessTable periods={periods} scopes={scopes} />
              </details>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
