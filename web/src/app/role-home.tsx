import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { usePoles } from '../api/poles';
import { useSession } from '../api/session';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading, QueryState } from '../components/query-state';
import { type LazyModule, lazyModule, useLazyModule } from '../lib/lazy-module';
import { loadNamespaces } from './i18n';
import { PAGE_NAMESPACES } from './page-namespaces';

// In their own chunks, loaded without Suspense (see lazyModule), with their texts.
const quarterHome = lazyModule(() =>
  Promise.all([
    import('../features/home/quarter-home-page'),
    loadNamespaces(PAGE_NAMESPACES['features/home/quarter-home-page.tsx']),
  ]).then(([m]) => m),
);
const cressHome = lazyModule(() =>
  Promise.all([
    import('../features/cress/cress-home-page'),
    loadNamespaces(PAGE_NAMESPACES['features/cress/cress-home-page.tsx']),
  ]).then(([m]) => m),
);

/** Loading, then the page, or an error with a retry when its code cannot be fetched. */
function Deferred<T>({
  chunk,
  render,
}: {
  chunk: LazyModule<T>;
  render: (module: T) => React.ReactNode;
}) {
  const { module, failed, retry } = useLazyModule(chunk);
  if (module) return render(module);
  if (failed) return <ErrorMessage error={null} onRetry={retry} />;
  return <Loading />;
}

/**
 * `/`: the home of the caller's role. A coordinator of one pole gets "Mon trimestre", a CRESS
 * its region, a board member its pole's dashboard, an admin the administration; several
 * poles without a CRESS or admin role get a list to choose from.
 */
export function RoleHome() {
  const { t } = useTranslation();
  const session = useSession();
  const poles = usePoles();
  const memberships = session.data?.user.memberships ?? [];
  const roles = new Set(memberships.map((m) => m.role));
  if (roles.has('cress')) return <Deferred chunk={cressHome} render={(m) => <m.CressHomePage />} />;
  const coordinated = memberships.filter((m) => m.role === 'coordinator').map((m) => m.pole!);
  if (coordinated.length === 1)
    return (
      <Deferred chunk={quarterHome} render={(m) => <m.QuarterHomePage pole={coordinated[0]!} />} />
    );
  if (roles.has('admin') && memberships.length === 1) return <Navigate to="/admin" replace />;
  return (
    <QueryState query={poles}>
      {(list) =>
        list.length === 1 && coordinated.length === 0 ? (
          <Navigate to={`/poles/${list[0]!.slug}`} replace />
        ) : (
          <>
            <PageTitle text={t('choosePole')} />
            <ul className="pole-list">
              {list.map((p) => (
                <li key={p.slug}>
                  <Link to={`/poles/${p.slug}`}>{p.name}</Link>{' '}
                  <span className="muted">— {p.territory}</span>
                </li>
              ))}
            </ul>
          </>
        )
      }
    </QueryState>
  );
}
