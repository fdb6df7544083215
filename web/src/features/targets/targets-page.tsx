import { buildFigures } from '@ptce/shared/figures/figures';
import { MAX_YEAR, MIN_YEAR } from '@ptce/shared/periods';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCatalogue } from '../../api/catalogue';
import { usePole } from '../../api/poles';
import { useTargets } from '../../api/targets';
import { figuresQuery, useValues } from '../../api/values';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useLang } from '../../lib/use-lang';
import './targets.css';
import { TargetsForm } from './targets-form';
import { YearNav } from './year-nav';

/** `/poles/{pole}/objectifs/{year}`: the year's targets per scope and indicator. */
export function TargetsPage() {
  const { t } = useTranslation('targets');
  const lang = useLang();
  const { pole = '', year: yearText = '' } = useParams();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  const valid = year >= MIN_YEAR && year <= MAX_YEAR;
  const safeYear = valid ? year : MIN_YEAR + 1;
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const targetsQ = useTargets(pole, safeYear);
  const valuesQ = useValues(pole, figuresQuery(`${safeYear - 1}Q1`, `${safeYear - 1}Q4`));
  const lastYear = useMemo(
    () =>
      catalogueQ.data && valuesQ.data
        ? buildFigures(catalogueQ.data, valuesQ.data, {
            from: `${safeYear - 1}Q1`,
            to: `${safeYear - 1}Q4`,
          })
        : undefined,
    [catalogueQ.data, valuesQ.data, safeYear],
  );
  const all = [poleQ, catalogueQ, targetsQ, valuesQ];
  const query = {
    data:
      poleQ.data && catalogueQ.data && targetsQ.data && lastYear
        ? {
            pole: poleQ.data,
            catalogue: catalogueQ.data,
            targets: targetsQ.data,
            lastYear,
          }
        : undefined,
    error: all.find((q) => q.error)?.error ?? null,
    isPending: all.some((q) => q.isPending),
    refetch: () => Promise.all(all.map((q) => q.refetch())),
  };
  if (!valid) return <PageTitle text={t('invalidYear')} />;
  return (
    <div className="targets-page">
      <PageTitle text={t('title', { year })} />
      <YearNav pole={pole} year={year} />
      <QueryState query={query} minHeight="40rem">
        {(d) => (
          <>
            <p>{t('intro')}</p>
            {!d.pole.roles.includes('coordinator') && <p className="notice">{t('readOnly')}</p>}
            <TargetsForm
              key={year}
              pole={d.pole}
              catalogue={d.catalogue}
              year={year}
              targets={d.targets}
              lastYear={d.lastYear}
              lang={lang}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
