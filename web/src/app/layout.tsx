import { currentQuarter, yearOf } from '@ptce/shared/periods';
import type { Membership, Role } from '@ptce/shared/session.schema';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useMatch, useNavigate } from 'react-router';
import { useLogout, useSession } from '../api/session';
import { Loading } from '../components/query-state';
import { NotificationsLink } from '../features/notifications/notifications-link';
import { useNavigationPending } from '../lib/navigation-pending';

/** The pole of a coordinator or board member of exactly one pole; otherwise undefined. */
function onlyPole(memberships: Membership[]): string | undefined {
  const poles = new Set(
    memberships
      .filter((m) => m.role === 'coordinator' || m.role === 'board')
      .map((m) => m.pole)
      .filter((p): p is string => p !== null),
  );
  return poles.size === 1 ? [...poles][0] : undefined;
}

/**
 * The frame of every logged-in page: skip link, header, navigation, language, logout. The
 * pole's navigation shows under `/poles/{pole}/…`, and at `/` for a member of one pole only.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigating = useNavigationPending();
  const navigate = useNavigate();
  const poleMatch = useMatch('/poles/:pole/*');
  const atHome = useMatch('/') !== null;
  const user = session.data?.user;
  const pole = poleMatch?.params.pole ?? (atHome ? onlyPole(user?.memberships ?? []) : undefined);
  const roles = new Set<Role>(user?.memberships.map((m) => m.role) ?? []);
  const canEdit =
    pole && user?.memberships.some((m) => m.role === 'coordinator' && m.pole === pole);
  const now = new Date();

  return (
    <>
      <a className="skip-link" href="#contenu">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand">
          {t('appName')}
        </NavLink>
        <nav aria-label={t('nav.main')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/exports">{t('nav.exports')}</NavLink>
            </li>
            <li>
              <NotificationsLink />
            </li>
            {roles.has('admin') ? (
              <li>
                <NavLink to="/admin">{t('nav.admin')}</NavLink>
              </li>
            ) : (
              <li>
                <NavLink to="/admin?section=jetons">{t('nav.tokens')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="user-box">
          <span>{user?.name}</span>
          <button
            type="button"
            lang={i18n.language === 'fr' ? 'en' : 'fr'}
            onClick={() => i18n.changeLanguage(i18n.language === 'fr' ? 'en' : 'fr')}
          >
            {t('user.switchTo')}
          </button>
          <button
            type="button"
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/connexion') })}
          >
            {t('user.logout')}
          </button>
        </div>
      </header>
      {pole && (
        <nav aria-label={t('nav.pole')} className="pole-nav">
          <ul>
            <li>
              <NavLink to={`/poles/${pole}`} end>
                {t('nav.dashboard')}
              </NavLink>
            </li>
            {canEdit && (
              <li>
                <NavLink to={`/poles/${pole}/trimestres`}>{t('nav.quarter')}</NavLink>
              </li>
            )}
            {canEdit && (
              <li>
                <NavLink to={`/poles/${pole}/import`}>{t('nav.import')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to={`/poles/${pole}/objectifs/${yearOf(currentQuarter(now))}`}>
                {t('nav.targets')}
              </NavLink>
            </li>
            <li>
              <NavLink to={`/poles/${pole}/rapport`}>{t('nav.report')}</NavLink>
            </li>
            <li>
              <NavLink to={`/poles/${pole}/historique`}>{t('nav.history')}</NavLink>
            </li>
          </ul>
        </nav>
      )}
      {/* While the next page's code loads (a route chunk), the current one stays, dimmed. */}
      <main
        id="contenu"
        tabIndex={-1}
        aria-busy={navigating}
        className={navigating ? 'navigating' : undefined}
      >
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
