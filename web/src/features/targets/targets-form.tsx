import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Target } from '@ptce/shared/targets.schema';
import type { StoredValue } from '@ptce/shared/values.schema';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoleDetail } from '../../api/poles';
import { useSaveTargets } from '../../api/targets';
import { SaveBar } from '../../components/save-bar';
import { ApiError } from '../../lib/api-client';
import type { Lang } from '../../lib/format';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { targetChanges, targetKey } from './targets-model';
import { TargetsScopeTable } from './targets-scope-table';

/**
 * A year's targets of every scope; the coordinator edits them and saves all at once (the
 * server takes all or nothing). Typed text is kept until saved.
 */
export function TargetsForm(p: {
  pole: PoleDetail;
  catalogue: Catalogue;
  year: number;
  targets: Target[];
  lastYear: StoredValue[];
  lang: Lang;
}) {
  const { t } = useTranslation('targets');
  const editable = p.pole.roles.includes('coordinator');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [serverIssues, setServerIssues] = useState<Map<string, string>>(new Map());
  const [outcome, setOutcome] = useState<string | null>(null);
  const save = useSaveTargets(p.pole.slug);
  const indicators = useMemo(
    () => new Map(p.catalogue.indicators.map((i) => [i.code, i])),
    [p.catalogue],
  );
  const stored = useMemo(
    () => new Map(p.targets.map((x) => [targetKey(x.scope, x.indicator), x.value])),
    [p.targets],
  );
  const { entries, problems } = targetChanges(texts, stored, indicators);
  const dirty = entries.length + problems.length;
  useUnsavedGuard(dirty > 0, t('leaveConfirm'));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.length > 0) return setOutcome(t('fixFirst'));
    if (entries.length === 0) return setOutcome(t('nothing'));
    const sent = texts;
    setOutcome(null);
    save.mutate(
      { year: p.year, targets: entries },
      {
        onSuccess: () => {
          setTexts((now) =>
            Object.fromEntries(Object.entries(now).filter(([k, v]) => sent[k] !== v)),
          );
          setServerIssues(new Map());
          setOutcome(t('saved', { count: entries.length }));
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const byKey = new Map<string, string>();
          for (const issue of error.issues) {
            const entry = entries[Number(issue.path?.[1])];
            if (entry) byKey.set(targetKey(entry.scope, entry.indicator), issue.message);
          }
          setServerIssues(byKey);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="targets-form">
      {p.pole.scopes.map((scope) => (
        <TargetsScopeTable
          key={scope.slug}
          scope={scope}
          year={p.year}
          indicators={indicators}
          stored={stored}
          texts={texts}
          lastYear={p.lastYear}
          serverIssues={serverIssues}
          editable={editable}
          lang={p.lang}
          onText={(key, text) => setTexts({ ...texts, [key]: text })}
        />
      ))}
      {editable && (
        <SaveBar
          label={t('save')}
          pending={save.isPending}
          status={
            save.isPending
              ? t('state.saving', { ns: 'common' })
              : (outcome ?? (dirty > 0 ? t('unsaved', { count: dirty }) : t('allSaved')))
          }
          error={save.error}
        />
      )}
    </form>
  );
}
