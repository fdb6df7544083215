import type { PoleSummary } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { checkedPoles, type ExportForm, polesShown, regionsOf } from './export-model';

/**
 * The region list (admin) and the pole check boxes (CRESS, admin, several poles): every
 * pole shown is checked by default.
 */
export function PoleFilter({
  form,
  poles,
  showRegion,
  onChange,
}: {
  form: ExportForm;
  poles: PoleSummary[];
  showRegion: boolean;
  onChange: (patch: Partial<ExportForm>) => void;
}) {
  const { t } = useTranslation('exports');
  const id = useId();
  const shown = polesShown(form, poles);
  const checked = new Set(checkedPoles(form, poles));
  const toggle = (slug: string, on: boolean) => {
    const next = shown.map((p) => p.slug).filter((s) => (s === slug ? on : checked.has(s)));
    onChange({ poles: next.length === shown.length ? 'all' : next });
  };
  return (
    <div className="pole-filter">
      {showRegion && (
        <div className="field">
          <label htmlFor={`${id}-region`}>{t('region')}</label>
          <select
            id={`${id}-region`}
            value={form.region}
            onChange={(e) => onChange({ region: e.target.value, poles: 'all' })}
          >
            <option value="">{t('allRegions')}</option>
            {regionsOf(poles).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset aria-describedby={`${id}-count`}>
        <legend>{t('poles.legend')}</legend>
        <p id={`${id}-count`} className="hint" aria-live="polite">
          {checked.size === 0
            ? t('poles.none')
            : t('poles.count', {
                count: checked.size,
                selected: checked.size,
                total: shown.length,
              })}
        </p>
        <div className="pole-buttons">
          <button type="button" onClick={() => onChange({ poles: 'all' })}>
            {t('poles.selectAll')}
          </button>
          <button type="button" onClick={() => onChange({ poles: [] })}>
            {t('poles.selectNone')}
          </button>
        </div>
        <ul className="pole-checks">
          {shown.map((p) => (
            <li key={p.slug}>
              <input
                type="checkbox"
                id={`${id}-${p.slug}`}
                checked={checked.has(p.slug)}
                onChange={(e) => toggle(p.slug, e.target.checked)}
              />
              <label htmlFor={`${id}-${p.slug}`}>{p.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}
