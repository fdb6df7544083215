import { MAX_YEAR, MIN_YEAR } from '@ptce/shared/periods';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Links to the previous and next year's targets. */
export function YearNav({ pole, year }: { pole: string; year: number }) {
  const { t } = useTranslation('targets');
  const link = (y: number, label: string, text: string) =>
    y < MIN_YEAR || y > MAX_YEAR ? null : (
      <li>
        <Link to={`/poles/${pole}/objectifs/${y}`} aria-label={label}>
          {text}
        </Link>
      </li>
    );
  return (
    <nav aria-label={t('years')} className="year-nav">
      <ul>
        {link(year - 1, t('previousYear', { year: year - 1 }), `← ${year - 1}`)}
        <li aria-current="page">
          <strong>{year}</strong>
        </li>
        {link(year + 1, t('nextYear', { year: year + 1 }), `${year + 1} →`)}
      </ul>
    </nav>
  );
}
