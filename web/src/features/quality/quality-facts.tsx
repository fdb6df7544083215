import { POINTS_PER_OUTLIER, POINTS_PER_OVERRIDE, QUALITY_PARTS } from '@ptce/shared/quality';
import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import { useTranslation } from 'react-i18next';
import { fmtDate, fmtNumber, fmtPercent } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

interface Props {
  quality: QuarterQuality;
  weights: RegionQualityResponse['weights'];
}

/**
 * A quarter's quality, part by part: the figure (`38/40 valeurs attendues saisies (95 %)`),
 * the part's points and weight, and what the part means.
 */
export function QualityFacts({ quality: q, weights }: Props) {
  const { t } = useTranslation('quality');
  const lang = useLang();
  const date = (iso: string | null) => fmtDate(iso, lang);
  const deadline = date(`${q.timeliness.deadline}T12:00:00Z`);
  const { filled, expected } = q.completeness;
  const timeliness =
    q.timeliness.status === 'pending'
      ? t('timeliness.pending', { deadline })
      : q.timeliness.submittedAt === null
        ? t('timeliness.lateMissing', { deadline })
        : t(`timeliness.${q.timeliness.status === 'onTime' ? 'onTime' : 'lateSubmitted'}`, {
            date: date(q.timeliness.submittedAt),
            deadline,
          });
  const facts: Record<(typeof QUALITY_PARTS)[number], { figure: string[]; help: string }> = {
    completeness: {
      figure: [
        expected === 0
          ? t('completenessNone')
          : t('completeness', {
              count: expected,
              filled: fmtNumber(filled, lang),
              expected: fmtNumber(expected, lang),
              pct: fmtPercent((100 * filled) / expected, lang),
            }),
      ],
      help: t('completenessHelp'),
    },
    timeliness: { figure: [timeliness], help: t('timelinessHelp') },
    outliers: {
      figure: [t('outliers', { count: q.outliers }), t('warnings', { count: q.warnings })],
      help: t('outliersHelp', { points: POINTS_PER_OUTLIER }),
    },
    overridden: {
      figure: [t('overridden', { count: q.overridden })],
      help: t('overriddenHelp', { points: POINTS_PER_OVERRIDE }),
    },
  };
  return (
    <dl className="quality-facts">
      {QUALITY_PARTS.map((part) => {
        const points = q.parts[part];
        return (
          <div key={part}>
            <dt>{t(`parts.${part}`)}</dt>
            {facts[part].figure.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
            <dd className="quality-points">
              {points === null
                ? t('notCounted', { weight: fmtPercent(weights[part], lang) })
                : t('points', {
                    points: fmtNumber(Math.round(points), lang),
                    weight: fmtPercent(weights[part], lang),
                  })}
            </dd>
            <dd className="quality-help">{facts[part].help}</dd>
          </div>
        );
      })}
    </dl>
  );
}
