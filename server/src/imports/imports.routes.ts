import {
  ImportQuerySchema,
  type ImportResult,
  TemplateQuerySchema,
} from '@ptce/shared/imports.schema';
import { Hono } from 'hono';
import { requireRole } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { poleAccess } from '../auth/pole-access.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readQuery } from '../http/validate';
import { importUpload } from './import.service';
import { templateFor } from './template.service';
import { templateFileName, XLSX_TYPE } from './template-layout';

/**
 * The spreadsheet round-trip of a pole, mounted under /api/poles: the prefilled template of a
 * quarter (anyone who sees the pole) and the import of a filled file (coordinators). The
 * import reads its raw body itself (≤ 5 MB), so the app-wide JSON body limit skips its path.
 */
export function importsRoutes(deps: AppDeps) {
  const withPole = poleAccess(deps);
  return new Hono<AppEnv>()
    .get('/:pole/template.xlsx', withPole, async (c) => {
      const { pole } = c.get('access');
      const { period } = readQuery(c, TemplateQuerySchema);
      const body = await templateFor(deps, pole, period);
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="${templateFileName(pole.slug, period)}"`,
        'cache-control': 'no-store',
      });
    })
    .post('/:pole/import', withPole, async (c) => {
      const p = requirePrincipal(c);
      const access = c.get('access');
      requireRole(access, 'coordinator');
      const q = readQuery(c, ImportQuerySchema);
      const result = await importUpload(deps, c, {
        pole: access.pole,
        userId: p.userId,
        period: q.period,
        dryRun: q.dryRun === 'true',
        filename: q.filename,
      });
      return c.json(result satisfies ImportResult, 200);
    });
}
