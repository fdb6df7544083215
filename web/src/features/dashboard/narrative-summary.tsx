import type { Quarter } from '@ptce/shared/domain.types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNarrative } from '../../api/narrative';
import { NarrativeParagraphs } from '../../components/narrative-paragraphs';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import './narrative-summary.css';

/**
 * The dashboard's last quarter's "faits marquants", small: the pole's text, clipped to a few
 * lines (whole in the report, linked). Says so when there is none; nothing while it loads or
 * when it cannot be read (the dashboard's numbers stay the point).
 */
export function NarrativeSummary({ pole, period }: { pole: string; period: Quarter }) {
  const { t } = useTranslation('narrative');
  const lang = useLang();
  const id = useId();
  const { data } = useNarrative(pole, period);
  if (!data || data.period !== period) return null;
  const quarter = fmtQuarter(period, lang);
  return (
    <section className="narrative-summary" aria-labelledby={id}>
      <h2 id={id}>{t('titleQuarter', { period: quarter })}</h2>
      {data.text ? (
        <div className="narrative-clip">
          <NarrativeParagraphs text={data.text} />
        </div>
      ) : (
        <p className="muted">{t('dashboard.empty', { period: quarter })}</p>
      )}
      <p className="small">
        <Link to={`/poles/${encodeURIComponent(pole)}/rapport/${period}`}>
          {t('dashboard.report', { period: quarter })}
        </Link>
      </p>
    </section>
  );
}
