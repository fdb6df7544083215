import { RegionCodeSchema } from '@ptce/shared/session.wire';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCreateRegion, useRegions } from '../../api/admin-regions';
import { ErrorMessage, QueryState } from '../../components/query-state';
import { FormStatus } from './form-status';
import { TextField } from './text-field';

/** The regions with their pole counts, and a form to create one. */
export function RegionsPanel() {
  const { t } = useTranslation('admin');
  const regions = useRegions();
  const create = useCreateRegion();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState('');
  const codeError = checked && !RegionCodeSchema.safeParse(code).success;
  const nameError = checked && name.trim() === '';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setDone('');
    if (!RegionCodeSchema.safeParse(code).success || name.trim() === '') return;
    create.mutate(
      { code, name: name.trim() },
      {
        onSuccess: (r) => {
          setDone(t('regions.created', { name: r.name }));
          setCode('');
          setName('');
          setChecked(false);
        },
      },
    );
  };

  return (
    <details className="admin-panel">
      <summary>{t('regions.title')}</summary>
      <QueryState query={regions} minHeight="2rem">
        {(list) => (
          <ul className="admin-list">
            {list.map((r) => (
              <li key={r.code}>
                <strong>{r.code}</strong> — {r.name}{' '}
                <span className="muted">({t('regions.count', { count: r.poles })})</span>{' '}
                <Link to={`/regions/${encodeURIComponent(r.code)}`}>
                  {t('regions.dashboard', { name: r.name })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <form onSubmit={onSubmit} noValidate className="admin-form">
        <h3>{t('regions.create')}</h3>
        <TextField
          label={t('regions.code')}
          value={code}
          onChange={(v) => setCode(v.toUpperCase())}
          help={t('regions.codeHelp')}
          error={codeError ? t('regions.codeInvalid') : null}
          maxLength={16}
          autoComplete="off"
          required
        />
        <TextField
          label={t('regions.name')}
          value={name}
          onChange={setName}
          error={nameError ? t('required') : null}
          maxLength={200}
          required
        />
        {create.error ? <ErrorMessage error={create.error} /> : null}
        <button type="submit" disabled={create.isPending}>
          {t('regions.submit')}
        </button>
        <FormStatus message={done} />
      </form>
    </details>
  );
}
