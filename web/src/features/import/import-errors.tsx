import { FileIssueSchema, RuleViolationIssueSchema } from '@ptce/shared/error-issues.schema';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';

interface Located {
  sheet: string | null;
  row: number | null;
  column: string | null;
  header?: string;
}

const NOWHERE: Located = { sheet: null, row: null, column: null };

/** Where an issue is in the file: its own cell, or the first row of a rule's cells. */
function locationOf(issue: ErrorIssue): Located {
  const own = FileIssueSchema.safeParse(issue);
  if (own.success) {
    const { sheet, row, column, header } = own.data;
    return { sheet, row, column, ...(header !== undefined ? { header } : {}) };
  }
  const rule = RuleViolationIssueSchema.safeParse(issue);
  const first = rule.success ? rule.data.locations?.[0] : undefined;
  return first ? { sheet: first.sheet, row: first.row, column: null } : NOWHERE;
}

/**
 * A refused import: the API's sentence, then every located issue (sheet, row, column,
 * message) in a table, so a coordinator can fix the file cell by cell.
 */
export function ImportErrors({ error }: { error: unknown }) {
  const { t } = useTranslation('import');
  const id = useId();
  const api = error instanceof ApiError ? error : null;
  const issues = api?.issues ?? [];
  return (
    <div role="alert" className="error-box import-errors">
      <p>{api?.message ?? t('state.error', { ns: 'common' })}</p>
      {issues.length > 0 && (
        <table aria-labelledby={`${id}-caption`}>
          <caption id={`${id}-caption`}>{t('fileErrors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.sheet')}</th>
              <th scope="col" className="num">
                {t('col.row')}
              </th>
              <th scope="col">{t('col.column')}</th>
              <th scope="col">{t('col.message')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => {
              const at = locationOf(issue);
              return (
                <tr key={`${at.sheet}|${at.row}|${at.column}|${issue.code}|${issue.message}`}>
                  <td>{at.sheet ?? (at.row === null ? '—' : t('csv'))}</td>
                  <td className="num">{at.row ?? '—'}</td>
                  <td>
                    {at.column ?? '—'}
                    {at.header && <span className="muted"> ({at.header})</span>}
                  </td>
                  <td>{issue.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
