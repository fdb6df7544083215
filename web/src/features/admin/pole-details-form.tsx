import type { Pole } from '@ptce/shared/poles.schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdatePole } from '../../api/admin-poles';
import { ErrorMessage } from '../../components/query-state';
import { FormStatus } from './form-status';
import { RegionSelect } from './region-select';
import { TextField } from './text-field';

/** Name, territory and region of a pole; its identifier is shown, never editable. */
export function PoleDetailsForm({ pole }: { pole: Pole }) {
  const { t } = useTranslation('admin');
  const update = useUpdatePole(pole.slug);
  const [name, setName] = useState(pole.name);
  const [territory, setTerritory] = useState(pole.territory);
  const [region, setRegion] = useState(pole.region.code);
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState('');
  const nameError = checked && name.trim() === '' ? t('required') : null;
  const territoryError = checked && territory.trim() === '' ? t('required') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setDone('');
    if (name.trim() === '' || territory.trim() === '') return;
    update.mutate(
      { name: name.trim(), territory: territory.trim(), region },
      { onSuccess: () => setDone(t('saved')) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form">
      <h3>{t('poles.details')}</h3>
      <p>
        {t('poles.colSlug')} : <code>{pole.slug}</code>
      </p>
      <TextField
        label={t('poles.name')}
        value={name}
        onChange={setName}
        error={nameError}
        maxLength={200}
        required
      />
      <TextField
        label={t('poles.territory')}
        value={territory}
        onChange={setTerritory}
        error={territoryError}
        maxLength={300}
        required
      />
      <RegionSelect value={region} onChange={setRegion} />
      {update.error ? <ErrorMessage error={update.error} /> : null}
      <button type="submit" className="primary" disabled={update.isPending}>
        {update.isPending ? t('saving') : t('save')}
      </button>
      <FormStatus message={done} />
    </form>
  );
}
