import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An indicator's definition as a tooltip: shown while the info button is hovered or focused,
 * read by screen readers as the button's description; Escape hides it.
 */
export function DefinitionTip({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation('entry');
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <span className={dismissed ? 'tip tip-dismissed' : 'tip'}>
      <button
        type="button"
        className="tip-button"
        aria-label={t('definition', { label })}
        aria-describedby={id}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
        onMouseEnter={() => setDismissed(false)}
      >
        i
      </button>
      <span role="tooltip" id={id} className="tip-text">
        {text || t('noDefinition')}
      </span>
    </span>
  );
}
