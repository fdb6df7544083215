import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { requireAdmin } from './admin-http';
import { polesAdminRoutes } from './poles-admin.routes';
import { regionsAdminRoutes } from './regions.routes';
import { scopesAdminRoutes } from './scopes-admin.routes';
import { tokensAdminRoutes } from './tokens-admin.routes';
import { usersAdminRoutes } from './users-admin.routes';

/** The administration API, `/api/admin/*`: admin only (401 anonymous, 403 any other role). */
export function adminRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireAdmin)
    .route('/regions', regionsAdminRoutes(deps))
    .route('/poles', polesAdminRoutes(deps))
    .route('/poles', scopesAdminRoutes(deps))
    .route('/users', usersAdminRoutes(deps))
    .route('/tokens', tokensAdminRoutes(deps));
}
