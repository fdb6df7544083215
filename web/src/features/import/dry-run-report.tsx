import type { ImportResult } from '@ptce/shared/imports.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ImportDiff } from './import-diff';
import { RuleResults } from './rule-results';

/** What an import did or would do: a count, the rules' results, then the changed cells. */
export function DryRunReport({ result, scopes }: { result: ImportResult; scopes: Scope[] }) {
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
      <RuleResults issues={result.rules.errors} severity="error" />
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
