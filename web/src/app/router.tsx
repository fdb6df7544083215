import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/query-state';
import { LoginPage } from '../features/auth/login-page';
import { RequireAuth } from '../features/auth/require-auth';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RoleHome } from './role-home';

// Every page but login is its own chunk: the login and entry pages never load the charts. The
// router loads a page's chunk before showing it (route `lazy`), rather than React.lazy under
// Suspense: React holds a revealed Suspense boundary back for 300 ms, which every first visit of
// a page would pay (measured on the dashboard by bench/chart-draw.ts).
const page =
  <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  async () => ({ Component: (await load())[name] });

const DashboardPage = page(() => import('../features/dashboard/dashboard-page'), 'DashboardPage');
const QuarterHomeRoute = page(
  () => import('../features/home/quarter-home-page'),
  'QuarterHomeRoute',
);
const EntryPage = page(() => import('../features/entry/entry-page'), 'EntryPage');
const HistoryPage = page(() => import('../features/history/history-page'), 'HistoryPage');
const TargetsPage = page(() => import('../features/targets/targets-page'), 'TargetsPage');
const ReportPage = page(() => import('../features/report/report-page'), 'ReportPage');
const AdminPage = page(() => import('../features/admin/admin-page'), 'AdminPage');
const ExportsPage = page(() => import('../features/exports/exports-page'), 'ExportsPage');
const ImportPage = page(() => import('../features/import/import-page'), 'ImportPage');
const RegionPage = page(() => import('../features/region/region-page'), 'RegionPage');

/** The bookmarkable addresses of DESIGN.md "Running it". */
export function createRouter() {
  return createBrowserRouter([
    { path: '/connexion', element: <LoginPage /> },
    {
      path: '/',
      // Shown while the first page's chunk loads, on the very first address of a visit.
      hydrateFallbackElement: <Loading />,
      element: (
        <RequireAuth>
          <Layout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <RoleHome /> },
        { path: 'poles/:pole', lazy: DashboardPage },
        { path: 'poles/:pole/trimestres', lazy: QuarterHomeRoute },
        { path: 'poles/:pole/saisie/:period/:scope', lazy: EntryPage },
        { path: 'poles/:pole/historique', lazy: HistoryPage },
        { path: 'poles/:pole/objectifs/:year', lazy: TargetsPage },
        { path: 'poles/:pole/rapport', lazy: ReportPage },
        { path: 'poles/:pole/rapport/:period', lazy: ReportPage },
        { path: 'poles/:pole/import/:period', lazy: ImportPage },
        { path: 'regions/:region', lazy: RegionPage },
        { path: 'exports', lazy: ExportsPage },
        { path: 'admin', lazy: AdminPage },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
