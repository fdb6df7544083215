import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Says that a form came back with input the user had typed and not saved (kept in
 * sessionStorage across an expired session), with `detail` (what changed meanwhile) and a
 * button to throw that input away.
 */
export function RestoredDraftNotice({
  detail,
  onDiscard,
}: {
  detail?: string | null | undefined;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="notice restored-draft" aria-labelledby={id}>
      <h2 id={id}>{t('draft.restored')}</h2>
      <p>{t('draft.restoredHelp')}</p>
      {detail ? <p>{detail}</p> : null}
      <button type="button" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </section>
  );
}
