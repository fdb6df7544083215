import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { RequireAuth } from '../features/auth/require-auth';
import { lazyModule } from '../lib/lazy-module';
import { type LazyPage, lazyElement, lazyRoute, PendingRoutes } from '../lib/pending-routes';
import { loadNamespaces } from './i18n';
import { NotFoundPage } from './not-found-page';
import { PAGE_NAMESPACES, type PageModule } from './page-namespaces';

// Every page but login is its own chunk: the login and entry pages never load the charts. A
// page's chunk and its texts (see ./page-namespaces.ts) load in one promise, so no key is ever
// shown. Routes are react-router's declarative ones (no data router: ~16 KB of gzipped JS less
// on every page); PendingRoutes keeps the current page shown while the next one's code loads.
const page = <K extends string>(
  module: PageModule,
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyPage =>
  lazyModule(() =>
    Promise.all([load(), loadNamespaces(PAGE_NAMESPACES[module])]).then(([m]) => m[name]),
  );

const dashboardPage = page(
  'features/dashboard/dashboard-page.tsx',
  () => import('../features/dashboard/dashboard-page'),
  'DashboardPage',
);
const quarterHomePage = page(
  'features/home/quarter-home-page.tsx',
  () => import('../features/home/quarter-home-page'),
  'QuarterHomeRoute',
);
const entryPage = page(
  'features/entry/entry-page.tsx',
  () => import('../features/entry/entry-page'),
  'EntryPage',
);
const historyPage = page(
  'features/history/history-page.tsx',
  () => import('../features/history/history-page'),
  'HistoryPage',
);
const targetsPage = page(
  'features/targets/targets-page.tsx',
  () => import('../features/targets/targets-page'),
  'TargetsPage',
);
const reportPage = page(
  'features/report/report-page.tsx',
  () => import('../features/report/report-page'),
  'ReportPage',
);
const adminPage = page(
  'features/admin/admin-page.tsx',
  () => import('../features/admin/admin-page'),
  'AdminPage',
);
const exportsPage = page(
  'features/exports/exports-page.tsx',
  () => import('../features/exports/exports-page'),
  'ExportsPage',
);
const importPage = page(
  'features/import/import-page.tsx',
  () => import('../features/import/import-page'),
  'ImportPage',
);
const notificationsPage = page(
  'features/notifications/notifications-page.tsx',
  () => import('../features/notifications/notifications-page'),
  'NotificationsPage',
);
const regionPage = page(
  'features/region/region-page.tsx',
  () => import('../features/region/region-page'),
  'RegionPage',
);

// The frame of the logged-in pages and the role's home are chunks too: the login page needs
// neither, nor the shared modules they read. They load in parallel with the page's chunk.
const layout: LazyPage = lazyModule(() => import('./layout').then((m) => m.Layout));
const roleHome: LazyPage = lazyModule(() => import('./role-home').then((m) => m.RoleHome));

/** The bookmarkable addresses of DESIGN.md "Running it". */
const routes: RouteObject[] = [
  { path: '/connexion', element: <LoginPage /> },
  {
    path: '/',
    element: <RequireAuth>{lazyElement('layout', layout)}</RequireAuth>,
    handle: layout,
    children: [
      lazyRoute('home', roleHome, { index: true }),
      lazyRoute('dashboard', dashboardPage, { path: 'poles/:pole' }),
      lazyRoute('quarter', quarterHomePage, { path: 'poles/:pole/trimestres' }),
      lazyRoute('entry', entryPage, { path: 'poles/:pole/saisie/:period/:scope' }),
      lazyRoute('history', historyPage, { path: 'poles/:pole/historique' }),
      lazyRoute('targets', targetsPage, { path: 'poles/:pole/objectifs/:year' }),
      lazyRoute('report', reportPage, { path: 'poles/:pole/rapport' }),
      lazyRoute('report', reportPage, { path: 'poles/:pole/rapport/:period' }),
      lazyRoute('import', importPage, { path: 'poles/:pole/import' }),
      lazyRoute('import', importPage, { path: 'poles/:pole/import/:period' }),
      lazyRoute('region', regionPage, { path: 'regions/:region' }),
      lazyRoute('exports', exportsPage, { path: 'exports' }),
      lazyRoute('admin', adminPage, { path: 'admin' }),
      lazyRoute('notifications', notificationsPage, { path: 'notifications' }),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The routes at the current address (see PendingRoutes). */
export const AppRoutes = () => <PendingRoutes routes={routes} />;
