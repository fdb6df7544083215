import {
  ImportQuerySchema,
  ImportResultSchema,
  TemplateQuerySchema,
} from '@ptce/shared/imports.schema';
import { OVERRIDE_REASON_LENGTH } from '@ptce/shared/values.schema';
import type { RouteDoc } from './route-doc';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The spreadsheet round-trip of a coordinator. */
export const IMPORT_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/poles/{pole}/template.xlsx',
    tag: 'Import',
    summary: 'A prefilled entry workbook for a quarter',
    description:
      'A "Lisez-moi" sheet then a sheet per scope: indicator code, slice, label, unit, value (current, numeric), comment, override reason ("motif de dérogation", never prefilled), version (hidden), definition; only value, comment and override reason are editable.',
    auth: 'session',
    query: TemplateQuerySchema,
    ok: { status: 200, description: 'The workbook', file: [XLSX] },
    errors: [400, 401, 404],
  },
  {
    method: 'post',
    path: '/api/poles/{pole}/import',
    tag: 'Import',
    summary: 'Import a filled workbook or CSV (dry run by default)',
    description:
      'Body: the raw file (xlsx, csv with `,` and `.` decimals, or csv-fr with `;` and decimal comma; French or English number forms). An empty value cell changes nothing, `-` clears. An optional override-reason column (`motif de dérogation`, `motif`, `raison`, `override_reason`; ' +
      `${OVERRIDE_REASON_LENGTH.min}–${OVERRIDE_REASON_LENGTH.max} characters) is sent` +
      ' as the row’s `overrideReason`: a rule error whose changed cells all carry one is listed in `rules.overridden` and passes (the reason becomes their history reason); a reason on a row that changes nothing is refused (422). `dryRun=true` (default) reports every change (old → new) and the rule results without writing; `dryRun=false` applies all in one transaction (history reason `import <file name>`) or nothing. Coordinator of the pole. Errors name the sheet, row and column.',
    auth: 'session',
    query: ImportQuerySchema,
    body: {
      raw: [
        XLSX,
        'text/csv',
        'application/csv',
        'application/vnd.ms-excel',
        'application/octet-stream',
        'multipart/form-data',
      ],
      description:
        'The file, at most 5 MB: the body itself in the file’s own type, or the one file part of a multipart/form-data body (never text/plain, a url-encoded form or no type: 415). A multipart body may add one `overrides` text field: a JSON array of reasons per violation `[{ rule, scope, slice?, subject?, reason }]`, with the semantics of PUT values’ `overrides` (a reason overrides that violation only — rule, scope, slice and subject as the dry run’s `rules.errors` give them — and is recorded, tagged `[E1] …`, in the history of each changed cell it involves; reasons matching no violation are ignored; malformed: 400). Parsed in a worker within limits (xlsx: 8 MB unzipped, 100 000 cells; 20 000 rows): past them 413. 503 (all) or 429 (yours) with Retry-After while too many uploads are in flight.',
    },
    ok: { status: 200, description: 'What changed or would change', schema: ImportResultSchema },
    errors: [400, 401, 403, 404, 409, 413, 415, 422, 423, 429, 503],
  },
];
