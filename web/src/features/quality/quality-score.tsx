import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QualityFacts } from './quality-facts';
import './quality.css';

interface Props {
  quality: QuarterQuality;
  weights: RegionQualityResponse['weights'];
  /** Names the score uniquely on a page of many (`Qualité PTCE Hénin-Carvin T3 2026 : 82 sur 100`). */
  pole: string;
  quarter: string;
}

/**
 * A quarter's score as a disclosure: `Qualité : 82/100`, opened (click, Enter or Space) to show
 * each part's figure, points and meaning.
 */
export function QualityScore({ quality, weights, pole, quarter }: Props) {
  const { t } = useTranslation('quality');
  const lang = useLang();
  const { score } = quality;
  const names = { pole, quarter, score: score === null ? '' : fmtNumber(score, lang) };
  const band = score === null ? 'none' : score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
  return (
    <details className="quality-score">
      <summary
        className={`quality-badge quality-${band}`}
        aria-label={t(score === null ? 'scorePendingOf' : 'scoreOf', names)}
      >
        {score === null ? t('scorePending') : t('score', names)}
      </summary>
      <div className="quality-panel">
        <p className="quality-help">{t('explain')}</p>
        <QualityFacts quality={quality} weights={weights} />
      </div>
    </details>
  );
}
