import { createBrowserRouter, Outlet } from 'react-router';
import { Loading } from '../components/query-state';
import { LoginPage } from '../features/auth/login-page';
import { RequireAuth } from '../features/auth/require-auth';
import { loadNamespaces } from './i18n';
import { NotFoundPage } from './not-found-page';
import { PAGE_NAMESPACES, type PageModule } from './page-namespaces';

// Every page but login is its own chunk: the login and entry pages never load the charts. The
// router loads a page's chunk before showing it (route `lazy`), rather than React.lazy under
// Suspense: React holds a revealed Suspense boundary back for 300 ms, which every first visit of
// a page would pay (measured on the dashboard by bench/chart-draw.ts). The page's texts load in
// the same promise (see ./page-namespaces.ts): no key is ever shown.
const page =
  <K extends string>(
    module: PageModule,
    load: () => Promise<Record<K, React.ComponentType>>,
    name: K,
  ) =>
  async () => {
    const [m] = await Promise.all([load(), loadNamespaces(PAGE_NAMESPACES[module])]);
    return { Component: m[name] };
  };

const DashboardPage = page(
  'features/dashboard/dashboard-page.tsx',
  () => import('../features/dashboard/dashboard-page'),
  'DashboardPage',
);
const QuarterHomeRoute = page(
  'features/home/quarter-home-page.tsx',
  () => import('../features/home/quarter-home-page'),
  'QuarterHomeRoute',
);
const EntryPage = page(
  'features/entry/entry-page.tsx',
  () => import('../features/entry/entry-page'),
  'EntryPage',
);
const HistoryPage = page(
  'features/history/history-page.tsx',
  () => import('../features/history/history-page'),
  'HistoryPage',
);
const TargetsPage = page(
  'features/targets/targets-page.tsx',
  () => import('../features/targets/targets-page'),
  'TargetsPage',
);
const ReportPage = page(
  'features/report/report-page.tsx',
  () => import('../features/report/report-page'),
  'ReportPage',
);
const AdminPage = page(
  'features/admin/admin-page.tsx',
  () => import('../features/admin/admin-page'),
  'AdminPage',
);
const ExportsPage = page(
  'features/exports/exports-page.tsx',
  () => import('../features/exports/exports-page'),
  'ExportsPage',
);
const ImportPage = page(
  'features/import/import-page.tsx',
  () => import('../features/import/import-page'),
  'ImportPage',
);
const NotificationsPage = page(
  'features/notifications/notifications-page.tsx',
  () => import('../features/notifications/notifications-page'),
  'NotificationsPage',
);
const RegionPage = page(
  'features/region/region-page.tsx',
  () => import('../features/region/region-page'),
  'RegionPage',
);

// The frame of the logged-in pages and the role's home are a chunk too: the login page needs
// neither, nor the shared schemas they read (zod's classic API, see ../api/session-wire.ts). The
// router loads them in parallel with the page's chunk.
const LayoutRoute = async () => ({ Component: (await import('./layout')).Layout });
const RoleHomeRoute = async () => ({ Component: (await import('./role-home')).RoleHome });

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
          <Outlet />
        </RequireAuth>
      ),
      children: [
        {
          lazy: LayoutRoute,
          children: [
            { index: true, lazy: RoleHomeRoute },
            { path: 'poles/:pole', lazy: DashboardPage },
            { path: 'poles/:pole/trimestres', lazy: QuarterHomeRoute },
            { path: 'poles/:pole/saisie/:period/:scope', lazy: EntryPage },
            { path: 'poles/:pole/historique', lazy: HistoryPage },
            { path: 'poles/:pole/objectifs/:year', lazy: TargetsPage },
            { path: 'poles/:pole/rapport', lazy: ReportPage },
            { path: 'poles/:pole/rapport/:period', lazy: ReportPage },
            { path: 'poles/:pole/import', lazy: ImportPage },
            { path: 'poles/:pole/import/:period', lazy: ImportPage },
            { path: 'regions/:region', lazy: RegionPage },
            { path: 'exports', lazy: ExportsPage },
            { path: 'admin', lazy: AdminPage },
            { path: 'notifications', lazy: NotificationsPage },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
