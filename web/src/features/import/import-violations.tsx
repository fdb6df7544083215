import type { ImportRuleIssue } from '@ptce/shared/imports.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ReasonInput,
  ViolationBlock,
  type ViolationView,
} from '../../components/violation-block';
import { errorKey } from './import-overrides';

/**
 * The rule errors of an import's dry run, each once with the file lines it involves and its
 * one reason box (the entry grid's block): a reason typed here is sent with the import for
 * that violation only.
 */
export function ImportViolations({
  errors,
  scopes,
  reasons,
}: {
  errors: ImportRuleIssue[];
  scopes: Scope[];
  reasons: ReasonInput;
}) {
  const { t } = useTranslation('import');
  const id = useId();
  if (errors.length === 0) return null;
  const scopeName = (slug: string) => scopes.find((s) => s.slug === slug)?.name ?? slug;
  const where = (l: { sheet: string | null; row: number }) =>
    l.sheet ? t('at', { sheet: l.sheet, row: l.row }) : t('atRow', { row: l.row });
  const views = errors.map(
    (e, i): ViolationView => ({
      key: errorKey(e),
      anchor: `${id}-violation-${i + 1}`,
      rule: e.rule,
      severity: 'error',
      message: e.message,
      sliceLabel: null,
      places: e.locations.map((l) => ({ label: where(l), target: null })),
      showPlaces: true,
      where: scopeName(e.scope),
      overridden: false,
      needsReason: true,
    }),
  );
  return (
    <section className="rule-results error-box" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('ruleErrors')}</h3>
      <p className="small">{t('ruleErrorsHelp')}</p>
      {views.map((v) => (
        <ViolationBlock key={v.key} v={v} reason={reasons} />
      ))}
    </section>
  );
}
