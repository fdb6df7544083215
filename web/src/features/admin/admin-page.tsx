import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { PageTitle } from '../../components/page-title';
import { useFocusedFormSaveShortcut } from '../../lib/use-save-shortcut';
import { PolesSection } from './poles-section';
import { TokensSection } from './tokens-section';
import { UsersSection } from './users-section';
import './admin.css';

const ADMIN_SECTIONS = ['poles', 'utilisateurs', 'jetons'] as const;
type Section = (typeof ADMIN_SECTIONS)[number];

/**
 * `/admin`: poles, working groups and their indicators; accounts and roles; API tokens. The
 * section is in the address (`?section=`). Someone who is not an admin gets their own API
 * tokens only (every role may script the API).
 */
export function AdminPage() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const [params] = useSearchParams();
  const isAdmin = session.data?.user.memberships.some((m) => m.role === 'admin') ?? false;
  const sections: readonly Section[] = isAdmin ? ADMIN_SECTIONS : ['jetons'];
  const asked = params.get('section') as Section | null;
  const current: Section = asked && sections.includes(asked) ? asked : sections[0]!;
  useFocusedFormSaveShortcut();

  return (
    <>
      <PageTitle text={isAdmin ? t('title') : t('tokens.mine')} />
      {isAdmin && (
        <nav aria-label={t('sections')} className="admin-tabs">
          <ul>
            {sections.map((s) => (
              <li key={s}>
                <Link to={`?section=${s}`} aria-current={s === current ? 'page' : undefined}>
                  {t(`section.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {current === 'poles' && <PolesSection />}
      {current === 'utilisateurs' && <UsersSection />}
      {current === 'jetons' && <TokensSection isAdmin={isAdmin} />}
    </>
  );
}
