import type { Scope } from '@ptce/shared/poles.schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScopeMutations } from '../../api/admin-scopes';
import { ErrorMessage } from '../../components/query-state';
import { FormStatus } from './form-status';
import { IndicatorPicker } from './indicator-picker';
import { TextField } from './text-field';

/** A scope, folded: its name (renamable) and the indicators it tracks (checkboxes by theme). */
export function ScopeEditor({ pole, scope }: { pole: string; scope: Scope }) {
  const { t } = useTranslation('admin');
  const { rename, setIndicators } = useScopeMutations(pole);
  const [name, setName] = useState(scope.name);
  const [selected, setSelected] = useState<string[]>(scope.indicators);
  const [renamed, setRenamed] = useState('');
  const [saved, setSaved] = useState('');

  const onRename = (e: FormEvent) => {
    e.preventDefault();
    setRenamed('');
    if (name.trim() === '') return;
    rename.mutate(
      { scope: scope.slug, name: name.trim() },
      { onSuccess: () => setRenamed(t('scopes.renamed')) },
    );
  };
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    setIndicators.mutate(
      { scope: scope.slug, indicators: selected },
      { onSuccess: () => setSaved(t('scopes.indicatorsSaved', { scope: scope.name })) },
    );
  };

  return (
    <details className="admin-scope">
      <summary>
        <strong>{scope.name}</strong> <code>{scope.slug}</code>{' '}
        <span className="muted">
          — {scope.kind === 'pole' ? `${t('scopes.kindPole')}, ` : ''}
          {t('scopes.tracked', { count: scope.indicators.length })}
        </span>
      </summary>
      <form onSubmit={onRename} noValidate className="admin-inline-form">
        <TextField
          label={t('scopes.rename', { scope: scope.slug })}
          value={name}
          onChange={setName}
          error={name.trim() === '' ? t('required') : null}
          maxLength={200}
          required
          after={
            <button type="submit" disabled={rename.isPending}>
              {t('scopes.renameSubmit')}
            </button>
          }
        />
        {rename.error ? <ErrorMessage error={rename.error} /> : null}
        <FormStatus message={renamed} />
      </form>
      <form onSubmit={onSave} className="admin-form admin-form-wide">
        <IndicatorPicker
          legend={t('scopes.indicators', { scope: scope.name })}
          selected={selected}
          onChange={setSelected}
        />
        <p className="field-help">{t('scopes.indicatorsHelp')}</p>
        {setIndicators.error ? <ErrorMessage error={setIndicators.error} /> : null}
        <button type="submit" className="primary" disabled={setIndicators.isPending}>
          {setIndicators.isPending ? t('saving') : t('scopes.indicatorsSubmit')}
        </button>
        <FormStatus message={saved} />
      </form>
    </details>
  );
}
