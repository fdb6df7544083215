import type { Indicator } from '@ptce/shared/catalogue.schema';
import type { Figures } from '@ptce/shared/figures/figures';
import { yearFigure } from '@ptce/shared/figures/indicator-stats';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtNumber, inputText, type Lang, labelIn } from '../../lib/format';
import { readTarget, targetKey } from './targets-model';

/** One scope's targets: indicator, unit, last year's actual and the target input (or value). */
export function TargetsScopeTable(p: {
  scope: Scope;
  year: number;
  indicators: Map<string, Indicator>;
  stored: Map<string, number>;
  texts: Record<string, string>;
  /** The figures of the year before, whose achieved values are shown. */
  lastYear: Figures;
  serverIssues: Map<string, string>;
  editable: boolean;
  lang: Lang;
  onText: (key: string, text: string) => void;
}) {
  const { t } = useTranslation('targets');
  const titleId = useId();
  const { lang, scope } = p;
  const rows = scope.indicators
    .map((code) => p.indicators.get(code))
    .filter((i): i is Indicator => i !== undefined);
  return (
    <section aria-labelledby={titleId} className="targets-scope">
      <h2 id={titleId}>{scope.name}</h2>
      <table className="targets-table">
        <thead>
          <tr>
            <th scope="col">{t('col.indicator')}</th>
            <th scope="col">{t('col.unit')}</th>
            <th scope="col" className="num">
              {t('col.actual', { year: p.year - 1 })}
            </th>
            <th scope="col" className="num">
              {t('col.target', { year: p.year })}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((ind) => {
            const key = targetKey(scope.slug, ind.code);
            const label = labelIn(ind, lang);
            const actual = yearFigure(p.lastYear, scope.slug, ind, p.year - 1);
            const text = p.texts[key] ?? inputText(p.stored.get(key), lang, ind.decimals);
            const problem = p.texts[key] === undefined ? null : readTarget(text, ind).problem;
            const message = problem ? t(problem, { count: ind.decimals }) : p.serverIssues.get(key);
            const msgId = `${titleId}-${ind.code}`;
            return (
              <tr key={ind.code}>
                <th scope="row">{label}</th>
                <td>{t(`units.${ind.unit}`, { ns: 'common' })}</td>
                <td className="num">
                  {fmtNumber(actual.value, lang, ind.decimals)}
                  {actual.value !== null && !actual.complete && (
                    <span className="muted small"> ({t('incomplete')})</span>
                  )}
                </td>
                <td className="num">
                  {p.editable ? (
                    <>
                      <input
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        className="num-input"
                        aria-label={t('inputLabel', { year: p.year, label, scope: scope.name })}
                        aria-invalid={message ? true : undefined}
                        aria-describedby={message ? msgId : undefined}
                        value={text}
                        onChange={(e) => p.onText(key, e.target.value)}
                      />
                      {message && (
                        <span id={msgId} className="input-problem" role="alert">
                          {message}
                        </span>
                      )}
                    </>
                  ) : (
                    fmtNumber(p.stored.get(key), lang, ind.decimals)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
