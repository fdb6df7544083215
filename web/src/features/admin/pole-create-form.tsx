import { SlugSchema } from '@ptce/shared/session.wire';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreatePole } from '../../api/admin-poles';
import { ErrorMessage } from '../../components/query-state';
import { RegionSelect } from './region-select';
import { useNamedSlug } from './slugify';
import { TextField } from './text-field';

/** Creates a pole (it gets its pole scope), then opens it for its groups and indicators. */
export function PoleCreateForm() {
  const { t } = useTranslation('admin');
  const create = useCreatePole();
  const navigate = useNavigate();
  const { name, setName, slug: effectiveSlug, setSlug } = useNamedSlug();
  const [territory, setTerritory] = useState('');
  const [region, setRegion] = useState('');
  const [checked, setChecked] = useState(false);
  const errors = {
    name: name.trim() === '' ? t('required') : null,
    slug: SlugSchema.safeParse(effectiveSlug).success ? null : t('poles.slugInvalid'),
    territory: territory.trim() === '' ? t('required') : null,
    region: region === '' ? t('required') : null,
  };
  const shown = (k: keyof typeof errors) => (checked ? errors[k] : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    create.mutate(
      { slug: effectiveSlug, name: name.trim(), territory: territory.trim(), region },
      { onSuccess: (p) => navigate(`?section=poles&pole=${encodeURIComponent(p.slug)}`) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form">
      <TextField
        label={t('poles.name')}
        value={name}
        onChange={setName}
        error={shown('name')}
        maxLength={200}
        required
      />
      <TextField
        label={t('poles.slug')}
        value={effectiveSlug}
        onChange={setSlug}
        help={t('poles.slugHelp')}
        error={shown('slug')}
        maxLength={64}
        autoComplete="off"
        required
      />
      <TextField
        label={t('poles.territory')}
        value={territory}
        onChange={setTerritory}
        error={shown('territory')}
        maxLength={300}
        required
      />
      <RegionSelect value={region} onChange={setRegion} error={shown('region')} />
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? t('saving') : t('poles.submit')}
      </button>
    </form>
  );
}
