import { quarterTakesValues } from '@ptce/shared/period-workflow';
import type { Scope } from '@ptce/shared/poles.schema';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { PageTitle } from '../../components/page-title';
import { RestoredDraftNotice } from '../../components/restored-draft-notice';
import { SubmitPanel } from '../../components/submit-panel';
import { fmtQuarter } from '../../lib/format';
import { draftKey } from '../../lib/session-draft';
import { useLang } from '../../lib/use-lang';
import { useSaveShortcut } from '../../lib/use-save-shortcut';
import { useUnsavedGuard } from '../../lib/use-unsaved-guard';
import { CellPanelHost } from './cell-panel';
import { changeCount } from './change-count';
import { ConflictPanel } from './conflict-panel';
import { EntryGrid } from './entry-grid';
import { cellKey } from './entry-model';
import { EntrySaveBar } from './entry-save-bar';
import { changedMeanwhile } from './entry-state';
import { EntryStatus } from './entry-status';
import type { GridContext } from './grid-context';
import { NarrativePanel } from './narrative-panel';
import { ScopeNav } from './scope-nav';
import type { EntryData } from './use-entry-data';
import { hasTyped, useEntryDraft } from './use-entry-draft';
import { useEntryGrid } from './use-entry-grid';
import { useFirstEmptyFocus } from './use-first-empty-focus';
import { useSaveEntry } from './use-save-entry';

/**
 * The entry grid of a loaded (pole, quarter, scope): draft, rules, save, conflicts, submit.
 * An editable grid keeps its unsaved draft in sessionStorage (per user, pole, quarter and
 * scope) and restores it on mount, saying so.
 */
export function EntryScreen({
  data,
  scope,
  period,
}: {
  data: EntryData;
  scope: Scope;
  period: string;
}) {
  const { t } = useTranslation('entry');
  const lang = useLang();
  const user = useSession().data?.user.id ?? '';
  const pole = data.pole.slug;
  const status = data.state?.status ?? 'draft';
  const canEdit = data.pole.roles.includes('coordinator');
  const takes = quarterTakesValues(period, status, new Date());
  const future = takes === 'future';
  const readOnly = !canEdit || takes !== 'open';
  const { draft, dispatch, restored } = useEntryDraft(
    readOnly ? null : draftKey(['saisie', user, pole, period, scope.slug]),
  );
  const grid = useEntryGrid(data, scope, period, draft, lang);
  const saver = useSaveEntry({ pole, period, batch: grid.batch, view: grid.view, draft, dispatch });
  const dirty = changeCount(grid.batch);
  const { clearRowIssues, saveRef } = saver;
  const [narrativeDirty, setNarrativeDirty] = useState(false);
  const mainRef = useRef<HTMLDivElement>(null);
  // After "Confirmer la soumission" the panel goes (the grid locks): focus moves to the state.
  const statusRef = useRef<HTMLDivElement>(null);
  useFirstEmptyFocus(mainRef, !readOnly);

  useUnsavedGuard(dirty > 0 || narrativeDirty, t('leaveConfirm'));
  useSaveShortcut(
    useCallback(() => {
      if (!readOnly) saveRef.current();
    }, [readOnly, saveRef]),
  );

  const versionOf = (key: string) => grid.view.cells.get(key)?.base.version ?? 0;
  const meanwhile = restored ? changedMeanwhile(grid.view) : 0;

  const ctx: GridContext = {
    pole,
    scope: scope.slug,
    period,
    previous: grid.previous,
    lastYear: grid.lastYear,
    lang,
    readOnly,
    view: grid.view,
    rules: grid.rules,
    serverIssues: saver.rowIssues,
    reasons: draft.reasons,
    lookup: grid.lookup,
    figures: grid.figures,
    byCode: grid.byCode,
    targets: grid.targets,
    onText: (indicator, key, text) => {
      clearRowIssues(indicator);
      dispatch({ type: 'text', key, text, version: versionOf(key) });
    },
    onComment: (indicator, text) => {
      clearRowIssues(indicator);
      dispatch({ type: 'comment', indicator, text, version: versionOf(cellKey(indicator, '')) });
    },
    onReason: (indicator, text) => dispatch({ type: 'reason', indicator, text }),
  };
  const labelOf = (c: { indicator: string; slice: string }) => {
    const row = grid.rows.find((r) => r.indicator.code === c.indicator);
    if (!row || c.slice === '') return row?.label ?? c.indicator;
    for (const d of row.dimensions) {
      const s = d.slices.find((x) => x.slice === c.slice);
      if (s) return `${row.label} — ${d.label}${lang === 'fr' ? ' : ' : ': '}${s.memberLabel}`;
    }
    return `${row.label} — ${c.slice}`;
  };
  const title = t('title', { scope: scope.name, period: fmtQuarter(period, lang) });

  return (
    <div className="entry-page">
      <PageTitle text={title} />
      <ScopeNav pole={pole} period={period} scopes={data.pole.scopes} />
      <div ref={statusRef} tabIndex={-1}>
        <EntryStatus
          state={data.state}
          lang={lang}
          scope={scope.slug}
          canEdit={canEdit}
          future={future}
          locked={saver.outcome?.kind === 'failed' && isLocked(saver.outcome.error)}
        />
      </div>
      {!readOnly && <p className="muted small">{t('intro')}</p>}
      {restored && hasTyped(draft) && (
        <RestoredDraftNotice
          detail={meanwhile > 0 ? t('restoredChanged', { count: meanwhile }) : null}
          onDiscard={() => dispatch({ type: 'discard' })}
        />
      )}
      <ConflictPanel
        conflicts={saver.conflicts}
        labelOf={labelOf}
        byCode={grid.byCode}
        lang={lang}
        onResolve={saver.resolve}
      />
      <div className="entry-main" ref={mainRef}>
        <CellPanelHost ctx={ctx} rows={grid.rows} values={data.values} scopeName={scope.name}>
          <EntryGrid rows={grid.rows} ctx={ctx} caption={title} />
        </CellPanelHost>
        <NarrativePanel
          pole={pole}
          period={period}
          scope={scope}
          roles={data.pole.roles}
          takes={takes}
          user={user}
          lang={lang}
          onDirtyChange={setNarrativeDirty}
        />
      </div>
      {!readOnly && (
        <EntrySaveBar
          dirty={dirty}
          pending={saver.pending}
          outcome={saver.outcome}
          onSave={saver.save}
        />
      )}
      {!readOnly && data.state && (
        <SubmitPanel
          pole={pole}
          state={data.state}
          scopeNames={new Map(data.pole.scopes.map((s) => [s.slug, s.name]))}
          dirty={dirty > 0 || saver.pending}
          lang={lang}
          onSubmitted={() => statusRef.current?.focus()}
        />
      )}
    </div>
  );
}

function isLocked(error: unknown): boolean {
  return (error as { status?: number } | null)?.status === 423;
}
