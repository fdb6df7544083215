/**
 * The message namespaces each lazily loaded page shows (beyond `common` and `auth`, which are in
 * the first load), by page module (path under web/src). The router loads them in the same
 * promise as the page's chunk (./router.tsx, ./role-home.tsx), so a page never renders keys;
 * bench/web-size.ts counts their chunks in the page's weight. page-namespaces.test.ts checks
 * that every namespace a page's modules use is listed here.
 */
export const PAGE_NAMESPACES = {
  'features/home/quarter-home-page.tsx': ['home', 'workflow'],
  'features/cress/cress-home-page.tsx': ['cress', 'quality', 'review'],
  'features/dashboard/dashboard-page.tsx': ['dashboard', 'narrative'],
  'features/entry/entry-page.tsx': ['entry', 'narrative', 'workflow'],
  'features/history/history-page.tsx': ['history', 'narrative'],
  'features/targets/targets-page.tsx': ['targets'],
  'features/report/report-page.tsx': ['report', 'narrative', 'quality', 'review', 'workflow'],
  'features/admin/admin-page.tsx': ['admin'],
  'features/exports/exports-page.tsx': ['exports'],
  'features/import/import-page.tsx': ['import', 'workflow'],
  'features/region/region-page.tsx': ['region', 'dashboard', 'quality'],
  'features/notifications/notifications-page.tsx': ['notifications'],
} as const;

export type PageModule = keyof typeof PAGE_NAMESPACES;
