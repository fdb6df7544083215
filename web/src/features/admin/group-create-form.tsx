import { SlugSchema } from '@ptce/shared/session.wire';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopeMutations } from '../../api/admin-scopes';
import { ErrorMessage } from '../../components/query-state';
import { FormStatus } from './form-status';
import { useNamedSlug } from './slugify';
import { TextField } from './text-field';

/** Slugs the server refuses for a working group (the pole scope, breakdown members). */
const RESERVED = ['pole', 'transversal', 'non_renseigne'];

/** Adds a working group to a pole (its indicators are chosen afterwards, in its scope). */
export function GroupCreateForm({ pole, existing }: { pole: string; existing: string[] }) {
  const { t } = useTranslation('admin');
  const { create } = useScopeMutations(pole);
  const { name, setName, slug: effectiveSlug, setSlug, reset } = useNamedSlug();
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState('');
  const slugError = !SlugSchema.safeParse(effectiveSlug).success
    ? t('poles.slugInvalid')
    : RESERVED.includes(effectiveSlug) || existing.includes(effectiveSlug)
      ? t('scopes.groupSlugReserved')
      : null;
  const nameError = name.trim() === '' ? t('required') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setDone('');
    if (slugError || nameError) return;
    create.mutate(
      { slug: effectiveSlug, name: name.trim() },
      {
        onSuccess: (s) => {
          setDone(t('scopes.groupCreated', { name: s.name }));
          reset();
          setChecked(false);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form admin-panel">
      <h3>{t('scopes.addGroup')}</h3>
      <TextField
        label={t('scopes.groupName')}
        value={name}
        onChange={setName}
        error={checked ? nameError : null}
        maxLength={200}
        required
      />
      <TextField
        label={t('scopes.groupSlug')}
        value={effectiveSlug}
        onChange={setSlug}
        help={t('scopes.groupSlugHelp')}
        error={checked ? slugError : null}
        maxLength={64}
        autoComplete="off"
        required
      />
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" disabled={create.isPending}>
        {t('scopes.groupSubmit')}
      </button>
      <FormStatus message={done} />
    </form>
  );
}
