import type { PoleSummary } from '@ptce/shared/poles.schema';
import { useTranslation } from 'react-i18next';
import type { ExportForm } from './export-model';
import { PeriodRange } from './period-range';
import { PoleFilter } from './pole-filter';
import { RadioGroup } from './radio-group';
import { StatusFilter } from './status-filter';

const FORMATS = ['csv-fr', 'csv', 'xlsx', 'json'] as const;

/** Every filter of the exports form; `onChange` gets the fields that changed. */
export function ExportFields({
  form,
  quarters,
  poles,
  filter,
  onChange,
  onRange,
}: {
  form: ExportForm;
  quarters: string[];
  poles: PoleSummary[];
  filter: { region: boolean; poles: boolean };
  onChange: (patch: Partial<ExportForm>) => void;
  onRange: (which: 'from' | 'to', quarter: string) => void;
}) {
  const { t } = useTranslation('exports');
  return (
    <div className="export-fields">
      <RadioGroup
        legend={t('level.legend')}
        value={form.level}
        onChange={(level) => onChange({ level })}
        options={(['scope', 'pole', 'region'] as const).map((v) => ({
          value: v,
          label: t(`level.${v}`),
        }))}
      />
      <PeriodRange from={form.from} to={form.to} options={quarters} onChange={onRange} />
      <RadioGroup
        legend={t('by.legend')}
        value={form.by}
        onChange={(by) => onChange({ by })}
        options={(['quarter', 'year'] as const).map((v) => ({ value: v, label: t(`by.${v}`) }))}
      />
      <RadioGroup
        legend={t('format.legend')}
        value={form.format}
        onChange={(format) => onChange({ format })}
        options={FORMATS.map((v) => ({
          value: v,
          label: t(`format.${v}`),
          hint: t(`format.${v}Hint`),
        }))}
      />
      <StatusFilter value={form.statuses} onChange={(statuses) => onChange({ statuses })} />
      {filter.poles && (
        <PoleFilter form={form} poles={poles} showRegion={filter.region} onChange={onChange} />
      )}
    </div>
  );
}
