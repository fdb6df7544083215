import { useTranslation } from 'react-i18next';
import { CopyButton } from './copy-button';
import { generatePassword } from './generate-password';
import { TextField } from './text-field';

/** A new password, shown in clear for the admin to pass on, with Generate and Copy. */
export function PasswordField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
}) {
  const { t } = useTranslation('admin');
  return (
    <TextField
      label={label}
      value={value}
      onChange={onChange}
      help={t('users.passwordHelp')}
      error={error ?? null}
      type="text"
      autoComplete="new-password"
      spellCheck={false}
      minLength={12}
      maxLength={1024}
      required
      after={
        <>
          <button type="button" onClick={() => onChange(generatePassword())}>
            {t('users.generate')}
          </button>
          {value && (
            <CopyButton
              text={value}
              label={t('users.copy')}
              done={t('users.copied')}
              failed={t('tokens.copyFailed')}
            />
          )}
        </>
      }
    />
  );
}
