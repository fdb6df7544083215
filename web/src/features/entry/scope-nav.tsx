import type { Scope } from '@ptce/shared/poles.schema';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Links to the same quarter's grid of each scope of the pole (the current one marked). */
export function ScopeNav({
  pole,
  period,
  scopes,
}: {
  pole: string;
  period: string;
  scopes: Scope[];
}) {
  const { t } = useTranslation('entry');
  return (
    <nav aria-label={t('scopes')} className="scope-nav">
      <ul>
        {scopes.map((s) => (
          <li key={s.slug}>
            <NavLink to={`/poles/${pole}/saisie/${period}/${s.slug}`}>{s.name}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
