import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { adminRoutes } from './admin/admin.routes';
import { authenticate } from './auth/auth.middleware';
import { sessionRoutes } from './auth/session.routes';
import { tokensRoutes } from './auth/tokens.routes';
import { ceilingRoutes } from './bench/ceiling.routes';
import { bumpEpochs } from './cache/bump-epochs';
import { catalogueRoutes } from './catalogue/catalogue.routes';
import { exportsRoutes } from './exports/exports.routes';
import { ApiError } from './http/api-error';
import type { AppDeps, AppEnv } from './http/app-env';
import { answerHeaders, hostGuard, jsonBodiesOnly } from './http/guards';
import { pickLang } from './http/lang';
import { MAX_JSON_BYTES, refuseUnstorablePath } from './http/validate';
import { importsRoutes } from './imports/imports.routes';
import { narrativeRoutes } from './narrative/narrative.routes';
import { notificationsRoutes } from './notifications/notifications.routes';
import { openApiRoutes } from './openapi/openapi.routes';
import { periodsRoutes } from './periods/periods.routes';
import { polesRoutes } from './poles/poles.routes';
import { qualityRoutes } from './quality/quality.routes';
import { regionsRoutes } from './regions/regions.routes';
import { targetsRoutes } from './targets/targets.routes';
import { usersRoutes } from './users/users.routes';
import { valuesRoutes } from './values/values.routes';

/** The API's version, in the OpenAPI document. */
const API_VERSION = '0.1.0';

const limitBody = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: () => {
    throw new ApiError('PAYLOAD_TOO_LARGE');
  },
});

/**
 * The body limit, on the requests that may carry a body: reads (GET, HEAD) skip it, as asking a
 * request for its body makes the Node adapter build a whole Fetch Request (measured: a tenth of
 * the server's time under the read benchmark).
 */
const bodyLimited: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next);

/** The body checks, except on the import upload (which reads its raw body itself). */
const bodyChecks = except('/api/poles/:pole/import', jsonBodiesOnly, bodyLimited);

/**
 * The body checks on the requests that may carry a body. Neither applies to a read (GET,
 * HEAD): they pass at once, without `except`'s path matching and composed middleware (~4% of
 * a computed dashboard read's time under load).
 */
const bodiesChecked: MiddlewareHandler<AppEnv> = (c, next) =>
  c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : bodyChecks(c, next);

/**
 * The API as a Hono app on the given dependencies (no listening, no static files): every
 * request first passes the host guard (PTCE_PUBLIC_URL), unsafe API requests carry JSON or no
 * body (the import excepted), and answers get HSTS over https and a private cache policy when
 * authenticated.
 */
export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>()
    // The import upload reads its raw body itself, with its own 5 MB limit and media types.
    .use(bodiesChecked)
    .use(refuseUnstorablePath)
    .use(bumpEpochs(deps))
    .use(authenticate(deps))
    .route('/session', sessionRoutes(deps))
    .route('/tokens', tokensRoutes(deps))
    .route('/catalogue', catalogueRoutes(deps))
    .route('/exports', exportsRoutes(deps))
    .route('/', openApiRoutes(API_VERSION))
    .route('/users', usersRoutes(deps))
    .route('/poles', polesRoutes(deps))
    .route('/poles', valuesRoutes(deps))
    .route('/poles', importsRoutes(deps))
    .route('/poles', targetsRoutes(deps))
    .route('/poles', periodsRoutes(deps))
    .route('/poles', narrativeRoutes(deps))
    .route('/regions', regionsRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/notifications', notificationsRoutes(deps))
    .route('/', qualityRoutes(deps));

  if (deps.bench) api.route('/_bench', ceilingRoutes());

  const app = new Hono<AppEnv>()
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
        referrerPolicy: 'same-origin',
        // Sent by answerHeaders, over https only.
        strictTransportSecurity: false,
      }),
    )
    .use(async (c, next) => {
      c.set('lang', pickLang(c.req.header('accept-language'), c.req.query('lang')));
      c.set('principal', null);
      await next();
    })
    .use(answerHeaders(deps))
    .use(hostGuard(deps))
    .route('/api', api);

  app.all('/api/*', () => {
    throw new ApiError('NOT_FOUND');
  });
  app.onError((err, c) => {
    const lang = c.get('lang') ?? 'fr';
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.json(err.toEnvelope(lang), err.status as 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code =
        err.status === 413 ? 'PAYLOAD_TOO_LARGE' : err.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      return c.json(new ApiError(code).toEnvelope(lang), err.status);
    }
    console.error(`[ptce-suivi] ${c.req.method} ${new URL(c.req.url).pathname} failed:`, err);
    return c.json(new ApiError('INTERNAL').toEnvelope(lang), 500);
  });
  return app;
}

/**
 * The app's type, for a typed client (`hc<AppType>`): no code imports it yet.
 * @public
 */
export type AppType = ReturnType<typeof createApp>;
