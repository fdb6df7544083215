import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtQuarter, labelIn } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { chartPeriods, type Step } from '../dashboard/chart-data';
import { ComparisonChart } from './comparison-chart';
import { compareUnits } from './comparison-rows';
import { ComparisonTable } from './comparison-table';
import type { RegionData } from './use-region-data';

interface Props {
  /** The section's id, an in-page link's target. */
  id: string;
  data: RegionData;
  by: Step;
  onStep: (by: Step) => void;
  /** The compared indicator's code (a region's first indicator when none is chosen). */
  code: string | null;
  onPick: (code: string) => void;
  /** The address of a pole's dashboard. */
  linkOf: (slug: string) => string;
}

/** "Comparer les pôles": an indicator picker, the time step, the sortable table and the bars. */
export function PoleComparison({ id, data, by, onStep, code, onPick, linkOf }: Props) {
  const { t } = useTranslation('region');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const pickId = useId();
  const stepName = useId();
  const byCode = new Map(data.catalogue.indicators.map((i) => [i.code, i]));
  const offered = data.sections.flatMap((s) => s.indicators);
  const indicator: Indicator | undefined = byCode.get(
    code && offered.includes(code) ? code : (offered[0] ?? ''),
  );
  if (!indicator) return null;

  const { from, to } = data.range;
  const periods = chartPeriods(by, from, to);
  const label = labelIn(indicator, lang);
  const show = (p: string | null) => (p === null ? '' : by === 'quarter' ? fmtQuarter(p, lang) : p);
  const unit = (slug: string, tracked: boolean, s: RegionData['total']) => ({
    slug,
    name: slug,
    tracked,
    series: (by === 'quarter' ? s.quarterly : s.years).get(indicator.code),
    before: by === 'year' ? s.yearsBefore.get(indicator.code) : undefined,
  });
  const comparison = compareUnits(
    indicator,
    by,
    periods,
    { ...unit('', true, data.total), name: t('compare.region') },
    data.poles.map((p) => ({ ...unit(p.slug, p.tracked.has(indicator.code), p), name: p.name })),
  );
  const period = show(comparison.period);
  const previous = show(comparison.previousPeriod);

  return (
    <section id={id} className="region-compare" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('compare.title')}</h2>
      <div className="compare-controls no-print">
        <div className="field">
          <label htmlFor={pickId}>{t('compare.indicator')}</label>
          <select id={pickId} value={indicator.code} onChange={(e) => onPick(e.target.value)}>
            {data.sections.map((s) => (
              <optgroup key={s.slug} label={t(`themes.${s.slug}`, { defaultValue: s.slug })}>
                {s.indicators.map((c) => (
                  <option key={c} value={c}>
                    {labelIn(byCode.get(c)!, lang)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>{t('compare.step')}</legend>
          {(['quarter', 'year'] as const).map((step) => (
            <label key={step}>
              <input
                type="radio"
                name={stepName}
                value={step}
                checked={by === step}
                onChange={() => onStep(step)}
              />
              {t(step === 'quarter' ? 'compare.byQuarter' : 'compare.byYear')}
            </label>
          ))}
        </fieldset>
      </div>
      {!data.poleIndicators.has(indicator.code) ? (
        // The poles' series of a newly picked indicator are on their way.
        <p className="muted" aria-busy="true">
          {tc('state.loading')}
        </p>
      ) : (
        <>
          <ComparisonTable
            indicator={indicator}
            caption={
              previous
                ? t('compare.caption', { label, period, previous })
                : t('compare.captionNoPrevious', { label, period })
            }
            valueTitle={t('compare.value', { period })}
            changeTitle={
              previous ? t('compare.change', { period: previous }) : t('compare.changeShort')
            }
            poles={comparison.poles}
            region={comparison.region}
            linkOf={linkOf}
            span={{ from: show(periods[0] ?? null), to: show(periods[periods.length - 1] ?? null) }}
          />
          <ComparisonChart
            indicator={indicator}
            title={t('compare.chartTitle', { label, period })}
            poles={comparison.poles}
          />
        </>
      )}
    </section>
  );
}
