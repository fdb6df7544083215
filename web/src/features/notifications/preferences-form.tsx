import {
  DELIVERIES,
  type Delivery,
  type NotificationKind,
  type Preferences,
} from '@ptce/shared/notifications.wire';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, QueryState } from '../../components/query-state';
import { usePreferences, useSavePreferences } from './preferences';

/** One kind's delivery: a fieldset of three radios, named by the kind. */
function DeliveryChoice({
  kind,
  value,
  onChange,
}: {
  kind: NotificationKind;
  value: Delivery;
  onChange: (d: Delivery) => void;
}) {
  const { t } = useTranslation('notifications');
  const id = useId();
  return (
    <fieldset className="delivery-choice">
      <legend>{t(`kinds.${kind}`)}</legend>
      {DELIVERIES.map((d) => (
        <div key={d} className="radio-option">
          <input
            type="radio"
            id={`${id}-${d}`}
            name={id}
            value={d}
            checked={value === d}
            onChange={() => onChange(d)}
          />
          <label htmlFor={`${id}-${d}`}>{t(`prefs.delivery.${d}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function PreferencesEditor({ saved }: { saved: Preferences }) {
  const { t } = useTranslation('notifications');
  const id = useId();
  const save = useSavePreferences();
  const [kinds, setKinds] = useState(saved.kinds);
  const [lang, setLang] = useState(saved.lang);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const changed = Object.fromEntries(saved.relevant.map((k) => [k, kinds[k]]));
    save.mutate({ lang, kinds: changed });
  };
  return (
    <form className="preferences-form" onSubmit={submit}>
      <p>{t('prefs.intro')}</p>
      {saved.mailEnabled ? (
        <p>{t('prefs.mailOn', { email: saved.email })}</p>
      ) : (
        <p className="notice" role="note">
          {t('prefs.mailOff')}
        </p>
      )}
      {saved.relevant.length === 0 && <p>{t('prefs.none')}</p>}
      {saved.relevant.map((k) => (
        <DeliveryChoice
          key={k}
          kind={k}
          value={kinds[k]}
          onChange={(d) => setKinds({ ...kinds, [k]: d })}
        />
      ))}
      <div className="preferences-lang">
        <label htmlFor={`${id}-lang`}>{t('prefs.lang')}</label>
        <select
          id={`${id}-lang`}
          value={lang}
          onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'fr')}
        >
          <option value="fr" lang="fr">
            {t('prefs.langs.fr')}
          </option>
          <option value="en" lang="en">
            {t('prefs.langs.en')}
          </option>
        </select>
      </div>
      <p>
        <button type="submit" disabled={save.isPending}>
          {t('prefs.save')}
        </button>
      </p>
      <p aria-live="polite">{save.isSuccess && !save.isPending ? t('prefs.saved') : ''}</p>
      {save.error && <ErrorMessage error={save.error} />}
    </form>
  );
}

/** The caller's choices: each kind's delivery and the e-mails' language; says when mail is off. */
export function PreferencesForm() {
  const prefs = usePreferences();
  return (
    <QueryState query={prefs} minHeight="16rem">
      {(saved) => <PreferencesEditor saved={saved} />}
    </QueryState>
  );
}
