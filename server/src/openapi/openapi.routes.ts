import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { apiReferenceHtml } from './api-reference';
import { openApiDocument } from './openapi-document';
import { API_ROUTES } from './routes.doc';

/** GET /api/openapi.json (the OpenAPI 3.1 document) and GET /api/docs (readable reference). */
export function openApiRoutes(version: string) {
  const document = openApiDocument(API_ROUTES, version);
  const html = apiReferenceHtml(API_ROUTES);
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(document, 200))
    .get('/docs', (c) => c.html(html, 200));
}
