import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QualityFacts } from './quality-facts';
import './quality.css';

interface Props {
  quality: QuarterQuality;
  weights: RegionQualityResponse['weights'];
  /** Named with the pole and quarter, for a page of many (`Qualité : 82/100 — PTCE Hénin-Carvin T3 2026`). */
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
      <summary className={`quality-badge quality-${band}`}>
        <span>{score === null ? t('scorePending') : t('score', names)}</span>{' '}
        <span className="visually-hidden">— {t('scoreOf', names)}</span>
      </summary>
      <div className="quality-panel">
        <p className="quality-help">{t('explain')}</p>
        <QualityFacts quality={quality} weights={weights} />
      </div>
    </details>
  );
}
