import { ADMIN_ROUTES } from '../admin/admin-routes.doc';
import { NARRATIVE_ROUTES } from '../narrative/narrative-routes.doc';
import { NOTIFICATION_ROUTES } from '../notifications/notifications-routes.doc';
import { QUALITY_ROUTES } from '../quality/quality-routes.doc';
import { REGION_ROUTES } from '../regions/region-routes.doc';
import { CORE_ROUTES } from './core-routes.doc';
import { IMPORT_ROUTES } from './import-routes.doc';
import type { RouteDoc } from './route-doc';

/** Every documented endpoint; a test fails when the app serves one that is missing here. */
export const API_ROUTES: RouteDoc[] = [
  ...CORE_ROUTES,
  ...IMPORT_ROUTES,
  ...ADMIN_ROUTES,
  ...QUALITY_ROUTES,
  ...NARRATIVE_ROUTES,
  ...REGION_ROUTES,
  ...NOTIFICATION_ROUTES,
];
