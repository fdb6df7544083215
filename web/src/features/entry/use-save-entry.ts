import {
  EntryIssueSchema,
  issuesOf,
  RuleViolationIssueSchema,
  StaleVersionIssueSchema,
} from '@ptce/shared/error-issues.schema';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { type SaveValuesResponse, violationKey } from '@ptce/shared/values.wire';
import { useQueryClient } from '@tanstack/react-query';
import { type Dispatch, useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { keys } from '../../api/keys';
import { useSaveValues } from '../../api/values';
import { ApiError, parseAnswer } from '../../lib/api-client';
import { type Batch, basesAfterSave } from './entry-batch';
import { type BaseCell, cellKey, EMPTY_BASE } from './entry-model';
import type { CellsView } from './entry-state';
import type { DraftAction, DraftState } from './use-entry-draft';

/** A cell someone else saved since it was loaded: their state, and when and by whom. */
export interface Conflict {
  key: string;
  indicator: string;
  slice: string;
  yours: number | null;
  theirs: (BaseCell & { updatedAt: string | null; updatedBy: string | null }) | null;
}

export type Outcome =
  | { kind: 'saved'; result: SaveValuesResponse }
  | { kind: 'nothing' }
  | { kind: 'problems' }
  | { kind: 'failed'; error: unknown };

/**
 * The conflicts of a 409, every issue parsed as a shared stale version.
 * @throws ApiError `BAD_ANSWER` when one has another shape (it would have no panel to resolve).
 */
function toConflicts(issues: ErrorIssue[], batch: Batch): Conflict[] {
  return parseAnswer(z.array(StaleVersionIssueSchema), issues, 409, 'conflicts').map((i) => {
    const entry = batch.entries[Number(i.path?.[1])];
    return {
      key: cellKey(i.indicator, i.slice),
      indicator: i.indicator,
      slice: i.slice,
      yours: entry?.value ?? null,
      theirs: i.current ? { ...i.current, overrideReason: null } : null,
    };
  });
}

/** A rule violation of a refused save, as the grid keeps it. */
interface ServerViolation {
  key: string;
  message: string;
  /** The first indicator it involves: where it is shown when the grid cannot judge it. */
  indicator: string;
  /** The grid found this violation itself when it sent the batch (it can judge it). */
  judgedHere: boolean;
}

/** The catalogue misfits of a 422, by indicator. */
function toRowIssues(issues: ErrorIssue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of issuesOf(EntryIssueSchema, issues)) {
    const list = out.get(i.indicator) ?? [];
    if (!list.includes(i.message)) out.set(i.indicator, [...list, i.message]);
  }
  return out;
}

/**
 * The blocking rule violations of a 422 (those it says a reason overrides left out), each once,
 * matched with what the grid found when it sent the batch (`errorKeys`).
 */
function toServerViolations(issues: ErrorIssue[], errorKeys: string[]): ServerViolation[] {
  const found = new Set(errorKeys);
  const out = new Map<string, ServerViolation>();
  for (const i of issuesOf(RuleViolationIssueSchema, issues)) {
    const key = violationKey(i);
    if (out.has(key) || i.overridden === true) continue;
    const indicator = i.cells[0]?.indicator ?? '';
    out.set(key, { key, message: i.message, indicator, judgedHere: found.has(key) });
  }
  return [...out.values()];
}

/**
 * What still stands of a refused save's violations: one the grid judged itself stands while
 * the grid still finds it (an edit that fixes it clears it at once, the client's block showing
 * it meanwhile); one it could not judge stands until the next save.
 */
function standingViolations(
  server: readonly ServerViolation[],
  errorKeys: readonly string[],
): ServerViolation[] {
  const now = new Set(errorKeys);
  return server.filter((v) => !v.judgedHere || now.has(v.key));
}

/**
 * Saving the grid: sends the batch, keeps every typed input on failure, turns a 409 into
 * conflicts to resolve (keeping one's own value resends with the new version), 422 issues
 * into row messages, 423 into a refreshed (locked) quarter.
 */
export function useSaveEntry(args: {
  pole: string;
  period: string;
  batch: Batch;
  view: CellsView;
  draft: DraftState;
  dispatch: Dispatch<DraftAction>;
}) {
  const { pole, period, batch, view, draft, dispatch } = args;
  const mutation = useSaveValues(pole);
  const qc = useQueryClient();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [rowIssues, setRowIssues] = useState<Map<string, string[]>>(new Map());
  const [serverRules, setServerRules] = useState<ServerViolation[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [resave, setResave] = useState(false);

  const save = () => {
    if (mutation.isPending) return;
    if (batch.problems.length > 0) return setOutcome({ kind: 'problems' });
    if (batch.entries.length === 0) return setOutcome({ kind: 'nothing' });
    const sent = { texts: draft.texts, comments: draft.comments, reasons: draft.reasons };
    const { entries, overrides, errorKeys } = batch;
    const sentView = view;
    setOutcome(null);
    mutation.mutate(
      { period, entries, ...(overrides.length > 0 ? { overrides } : {}) },
      {
        onSuccess: (result) => {
          dispatch({ type: 'saved', sent, bases: basesAfterSave(entries, result, sentView) });
          setConflicts([]);
          setRowIssues(new Map());
          setServerRules([]);
          setOutcome({ kind: 'saved', result });
        },
        onError: (error) => {
          setOutcome({ kind: 'failed', error });
          setServerRules([]);
          if (!(error instanceof ApiError)) return;
          if (error.status === 409) {
            try {
              setConflicts(toConflicts(error.issues, batch));
            } catch (drift) {
              // a 409 whose issues are not the shared stale versions: said, never dropped
              setOutcome({ kind: 'failed', error: drift });
            }
            qc.invalidateQueries({ queryKey: keys.allValues(pole) });
          } else if (error.status === 422) {
            setRowIssues(toRowIssues(error.issues));
            setServerRules(toServerViolations(error.issues, errorKeys));
          } else if (error.status === 423)
            qc.invalidateQueries({ queryKey: keys.allPeriods(pole) });
        },
      },
    );
  };

  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    if (!resave) return;
    setResave(false);
    latest.current();
  }, [resave]);

  /** Keep one's own value (on the new version) or take the other person's. */
  const resolve = (conflict: Conflict, keep: boolean) => {
    const base = conflict.theirs ? { ...conflict.theirs } : EMPTY_BASE;
    dispatch({ type: 'resolve', key: conflict.key, keep, base });
    const rest = conflicts.filter((c) => c.key !== conflict.key);
    setConflicts(rest);
    if (rest.length === 0) setOutcome(null);
    if (keep && rest.length === 0) setResave(true);
  };

  const clearRowIssues = (indicator: string) => {
    if (!rowIssues.has(indicator)) return;
    const next = new Map(rowIssues);
    next.delete(indicator);
    setRowIssues(next);
  };

  const standing = standingViolations(serverRules, batch.errorKeys);
  const shownIssues = new Map(rowIssues);
  for (const v of standing)
    if (!v.judgedHere)
      shownIssues.set(v.indicator, [...(shownIssues.get(v.indicator) ?? []), v.message]);
  // A refusal for rule violations that no longer stand is over: its summary box goes too.
  const settled =
    outcome?.kind === 'failed' &&
    outcome.error instanceof ApiError &&
    outcome.error.code === 'RULE_VIOLATION' &&
    serverRules.length > 0 &&
    standing.length === 0;

  return {
    save,
    saveRef: latest,
    pending: mutation.isPending,
    conflicts,
    resolve,
    /** indicator → the server's messages still standing: catalogue misfits, unjudged rules. */
    rowIssues: shownIssues,
    clearRowIssues,
    outcome: settled ? null : outcome,
  };
}
