import { lastCompleteQuarter, QuarterSchema } from '@ptce/shared/periods';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useNarrative } from '../../api/narrative';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ReportHeader } from './report-header';
import { ReportNarrative } from './report-narrative';
import { ReportReview } from './report-review';
import { reportRows } from './report-rows';
import { ReportScopeTable } from './report-scope-table';
import { ReportToolbar } from './report-toolbar';
import { useReportData } from './use-report-data';
import './report.css';

/**
 * The print-ready quarterly report of a pole (`/poles/{pole}/rapport[/{period}]`, by default
 * the last complete quarter): per scope, each indicator with the quarter, the previous one,
 * the same quarter last year, the year to date against the target, a trend and the comment.
 */
export function ReportPage() {
  const { t } = useTranslation('report');
  const lang = useLang();
  const navigate = useNavigate();
  const { pole = '', period: asked } = useParams();
  const [printedOn] = useState(() => new Date());
  const valid = asked === undefined ? true : QuarterSchema.safeParse(asked).success;
  const period = asked === undefined ? lastCompleteQuarter(printedOn) : valid ? asked : null;
  const query = useReportData(pole, period);
  const narrative = useNarrative(pole, query.data?.period ?? null).data;
  const poleName = query.data?.pole.name;
  const title =
    poleName && period
      ? t('title', { period: fmtQuarter(period, lang), pole: poleName })
      : t('titleShort');
  const quarters = (query.data?.periods ?? []).map((p) => p.period).reverse();

  return (
    <article className="report">
      <p className="report-kicker">{t('kicker')}</p>
      <PageTitle text={title}>
        {poleName && period ? `${poleName} — ${fmtQuarter(period, lang)}` : title}
      </PageTitle>
      <ReportToolbar
        period={period}
        quarters={quarters}
        onPick={(p) => navigate(`/poles/${encodeURIComponent(pole)}/rapport/${p}`)}
      />
      {period === null ? (
        <p role="alert" className="error-box">
          {t('invalidPeriod', { period: asked })}
        </p>
      ) : (
        <QueryState query={query} minHeight="40rem">
          {(data) => {
            const state = data.periods.find((p) => p.period === data.period);
            return (
              <>
                <ReportHeader territory={data.pole.territory} state={state} printedOn={printedOn} />
                <ReportReview pole={data.pole} state={state} />
                <ReportNarrative
                  narrative={narrative?.period === data.period ? narrative : undefined}
                />
                {data.pole.scopes.map((scope) => (
                  <ReportScopeTable
                    key={scope.slug}
                    name={scope.name}
                    period={data.period}
                    rows={reportRows(data, scope, data.period)}
                    completeness={state?.scopes.find((s) => s.scope === scope.slug)}
                    narrative={
                      narrative?.period === data.period ? narrative.scopes[scope.slug] : undefined
                    }
                  />
                ))}
                <p className="report-notes muted">{t('notes')}</p>
              </>
            );
          }}
        </QueryState>
      )}
    </article>
  );
}
