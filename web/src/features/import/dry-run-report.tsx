import type { ImportResult } from '@ptce/shared/imports.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useTranslation } from 'react-i18next';
import type { ReasonInput } from '../../components/violation-block';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ImportDiff } from './import-diff';
import { ImportViolations } from './import-violations';
import { RuleResults } from './rule-results';

/**
 * What an import did or would do: a count, the rules' results (each blocking error with its
 * reason box), then the changed cells.
 */
export function DryRunReport({
  result,
  scopes,
  reasons,
}: {
  result: ImportResult;
  scopes: Scope[];
  reasons: ReasonInput;
}) {
  const { t } = useTranslation('import');
  const lang = useLang();
  const part = (key: 'changes' | 'unchanged' | 'rows', n: number) =>
    t(`summaryPart.${key}`, { count: n, n: fmtNumber(n, lang, 0) });
  return (
    <div className="dry-run-report">
      <p>
        {t('summary', {
          file: result.fileName,
          changes: part('changes', result.changes.length),
          unchanged: part('unchanged', result.unchanged),
          rows: part('rows', result.rows),
        })}
      </p>
      <ImportViolations errors={result.rules.errors} scopes={scopes} reasons={reasons} />
      <RuleResults issues={result.rules.overridden} severity="overridden" />
      <RuleResults issues={result.rules.warnings} severity="warning" />
      {result.changes.length === 0 ? (
        <p className="notice">{t('noChange')}</p>
      ) : (
        <ImportDiff changes={result.changes} scopes={scopes} />
      )}
    </div>
  );
}
