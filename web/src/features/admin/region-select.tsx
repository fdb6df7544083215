import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../api/admin-regions';

/** A labelled list of the instance's regions (admin). */
export function RegionSelect({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (code: string) => void;
  error?: string | null;
  label?: string;
}) {
  const { t } = useTranslation('admin');
  const regions = useRegions();
  const id = useId();
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label ?? t('poles.region')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required
      >
        <option value="">{t('poles.chooseRegion')}</option>
        {regions.data?.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name} ({r.code})
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
