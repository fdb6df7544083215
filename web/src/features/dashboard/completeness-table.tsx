import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/status-badge';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

/** Values entered out of expected, per quarter (rows) and scope (columns), with the status. */
export function CompletenessTable({
  periods,
  scopes,
}: {
  periods: readonly PeriodWithCompleteness[];
  scopes: readonly Scope[];
}) {
  const { t } = useTranslation('dashboard');
  const lang = useLang();
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('completeness.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('completeness.quarter')}</th>
            <th scope="col">{t('completeness.status')}</th>
            {scopes.map((s) => (
              <th key={s.slug} scope="col" className="num">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => (
            <tr key={p.period}>
              <th scope="row">{fmtQuarter(p.period, lang)}</th>
              <td>
                <StatusBadge status={p.status} />
              </td>
              {scopes.map((s) => {
                const c = p.scopes.find((x) => x.scope === s.slug);
                const short = c !== undefined && c.filled < c.expected;
                return (
                  <td key={s.slug} className={`num${short ? ' cell-missing' : ''}`}>
                    {c ? t('completeness.cell', c) : '—'}
                    {short && ` (${t('completeness.incomplete')})`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
