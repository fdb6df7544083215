import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Figures } from '@ptce/shared/figures/figures';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import type { Target } from '@ptce/shared/targets.schema';
import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useSaveTargets } from '../../api/targets';
import { RestoredDraftNotice } from '../../components/restored-draft-notice';
import { SaveBar } from '../../components/save-bar';
import { ApiError } from '../../lib/api-client';
import { type Lang, labelIn } from '../../lib/format';
import { draftKey } from '../../lib/session-draft';
import { useSaveShortcut } from '../../lib/use-save-shortcut';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { targetChanges, targetKey } from './targets-model';
import { TargetsScopeTable } from './targets-scope-table';
import { useTargetsDraft } from './use-targets-draft';

/**
 * A year's targets of every scope; the coordinator edits them and saves all at once (the
 * server takes all or nothing). Typed text is kept until saved, in sessionStorage too (per
 * user, pole and year): restored after an expired session, saying which targets changed since.
 */
export function TargetsForm(p: {
  pole: PoleDetail;
  catalogue: Catalogue;
  year: number;
  targets: Target[];
  /** The figures of the year before. */
  lastYear: Figures;
  lang: Lang;
}) {
  const { t } = useTranslation('targets');
  const editable = p.pole.roles.includes('coordinator');
  const user = useSession().data?.user.id ?? '';
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
  const draft = useTargetsDraft(
    editable ? draftKey(['objectifs', user, p.pole.slug, p.year]) : null,
    stored,
  );
  const { texts } = draft.draft;
  const { entries, problems } = targetChanges(texts, stored, indicators);
  const dirty = entries.length + problems.length;
  useUnsavedGuard(dirty > 0, t('leaveConfirm'));
  const formRef = useRef<HTMLFormElement>(null);
  const pending = save.isPending;
  // Ctrl+S (⌘S) saves as `Enregistrer` does, through the form's submit.
  useSaveShortcut(
    useCallback(() => {
      if (editable && !pending) formRef.current?.requestSubmit();
    }, [editable, pending]),
  );

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
          draft.saved(
            sent,
            new Map(entries.map((e) => [targetKey(e.scope, e.indicator), e.value])),
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

  const labelOf = (key: string) => {
    const [scope = '', code = ''] = key.split('|');
    const ind = indicators.get(code);
    const name = p.pole.scopes.find((s) => s.slug === scope)?.name ?? scope;
    return `${ind ? labelIn(ind, p.lang) : code} (${name})`;
  };
  const changed = draft.changedMeanwhile;

  return (
    <form ref={formRef} onSubmit={onSubmit} className="targets-form">
      {draft.restored && Object.keys(texts).length > 0 && (
        <RestoredDraftNotice
          detail={
            changed.length > 0
              ? t('changedMeanwhile', {
                  count: changed.length,
                  list: changed.map(labelOf).join(', '),
                })
              : null
          }
          onDiscard={draft.discard}
        />
      )}
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
          onText={draft.type}
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
