import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { RequireAuth } from '../features/auth/require-auth';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RoleHome } from './role-home';

// Every page but login is its own chunk: the login and entry pages never load the charts.
const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

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

/** The bookmarkable addresses of DESIGN.md "Running it". */
export function createRouter() {
  return createBrowserRouter([
    { path: '/connexion', element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <Layout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <RoleHome /> },
        { path: 'poles/:pole', element: <DashboardPage /> },
        { path: 'poles/:pole/trimestres', element: <QuarterHomeRoute /> },
        { path: 'poles/:pole/saisie/:period/:scope', element: <EntryPage /> },
        { path: 'poles/:pole/historique', element: <HistoryPage /> },
        { path: 'poles/:pole/objectifs/:year', element: <TargetsPage /> },
        { path: 'poles/:pole/rapport', element: <ReportPage /> },
        { path: 'poles/:pole/rapport/:period', element: <ReportPage /> },
        { path: 'poles/:pole/import/:period', element: <ImportPage /> },
        { path: 'exports', element: <ExportsPage /> },
        { path: 'admin', element: <AdminPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
