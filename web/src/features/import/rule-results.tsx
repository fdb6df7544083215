import type { ImportRuleIssue } from '@ptce/shared/imports.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const TITLES = {
  warning: 'ruleWarnings',
  overridden: 'ruleOverridden',
} as const;

/**
 * The consistency rules' results of an import that do not block it, located in the file:
 * warnings, and errors overridden by a "motif de dérogation" (typed for their violation, or in
 * the file on each changed cell they involve). Blocking errors: `ImportViolations`.
 */
export function RuleResults({
  issues,
  severity,
}: {
  issues: ImportRuleIssue[];
  severity: 'warning' | 'overridden';
}) {
  const { t } = useTranslation('import');
  const id = useId();
  if (issues.length === 0) return null;
  const where = (l: { sheet: string | null; row: number }) =>
    l.sheet ? t('at', { sheet: l.sheet, row: l.row }) : t('atRow', { row: l.row });
  return (
    <section className="rule-results notice" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(TITLES[severity])}</h3>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.rule}|${issue.scope}|${issue.slice}|${issue.message}`}>
            {issue.message}
            {issue.locations.length > 0 && (
              <span className="muted"> — {issue.locations.map(where).join(' ; ')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
