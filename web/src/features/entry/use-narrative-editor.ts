import { issuesOf } from '@ptce/shared/error-issues.schema';
import {
  NARRATIVE_MAX_CHARS,
  type Narrative,
  NarrativeConflictIssueSchema,
  narrativeControl,
  narrativeLength,
  normalizeNarrative,
} from '@ptce/shared/narrative.wire';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/keys';
import { useNarrative, useSaveNarrative } from '../../api/narrative';
import { ApiError } from '../../lib/api-client';
import { loadDraft, useDraftPersistence } from '../../lib/session-draft';

/** What the user typed and has not saved: a field left out shows the stored text. */
interface NarrativeDraft {
  text?: string;
  scope?: string;
  /** The version the typing started from, sent with the save (a 409 when it moved on). */
  base: number;
}

/** A stored draft read back, or null when there is none or it is not one. */
function readDraft(key: string | null): NarrativeDraft | null {
  const v = key === null ? null : loadDraft(key);
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  if (typeof d.base !== 'number' || !Number.isInteger(d.base)) return null;
  const draft: NarrativeDraft = { base: d.base };
  if (typeof d.text === 'string') draft.text = d.text;
  if (typeof d.scope === 'string') draft.scope = d.scope;
  return draft;
}

/** What is wrong with a text before it is sent: too long (by how much) or a control character. */
export function textProblem(text: string): { over: number } | 'control' | null {
  const over = narrativeLength(text) - NARRATIVE_MAX_CHARS;
  if (over > 0) return { over };
  return narrativeControl(text) === null ? null : 'control';
}

export type NarrativeOutcome = { kind: 'saved' } | { kind: 'failed'; error: unknown } | null;

/**
 * The narrative of a quarter as the entry screen edits it: the pole's text and, with `scope`,
 * that working group's. Unsaved typing is kept in sessionStorage under `storageKey` (null:
 * read only). A save sends the version the typing started from; a 409 keeps the user's text
 * and gives the stored one as `conflict`, to keep one's own (saved over theirs next time) or
 * take theirs.
 */
export function useNarrativeEditor(
  pole: string,
  period: string,
  scope: string | undefined,
  storageKey: string | null,
) {
  const qc = useQueryClient();
  const query = useNarrative(pole, period);
  const mutation = useSaveNarrative(pole, period);
  const [draft, setDraft] = useState(() => readDraft(storageKey));
  const [restored, setRestored] = useState(() => draft !== null);
  const [conflict, setConflict] = useState<Narrative | null>(null);
  const [outcome, setOutcome] = useState<NarrativeOutcome>(null);
  useDraftPersistence(storageKey, draft);

  const stored = query.data;
  const storedScope = scope === undefined ? '' : (stored?.scopes[scope] ?? '');
  const text = draft?.text ?? stored?.text ?? '';
  const scopeText = draft?.scope ?? storedScope;
  const dirty =
    draft !== null &&
    stored !== undefined &&
    (normalizeNarrative(text) !== stored.text || normalizeNarrative(scopeText) !== storedScope);
  const problems = { text: textProblem(text), scope: textProblem(scopeText) };

  const edit = (field: 'text' | 'scope', value: string) => {
    setDraft((d) => ({ ...(d ?? { base: stored?.version ?? 0 }), [field]: value }));
    setOutcome(null);
  };

  const save = () => {
    if (!dirty || !draft || problems.text || problems.scope || mutation.isPending) return;
    const body = {
      text,
      ...(scope === undefined ? {} : { scopes: { [scope]: scopeText } }),
      version: draft.base,
    };
    mutation.mutate(body, {
      onSuccess: () => {
        setDraft(null);
        setConflict(null);
        setRestored(false);
        setOutcome({ kind: 'saved' });
      },
      onError: (error) => {
        const theirs =
          error instanceof ApiError && error.status === 409
            ? issuesOf(NarrativeConflictIssueSchema, error.issues)[0]?.current
            : undefined;
        if (theirs) {
          qc.setQueryData(keys.narrative(pole, period), theirs);
          setConflict(theirs);
        } else setOutcome({ kind: 'failed', error });
      },
    });
  };

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    setDraft((d) => (keepMine && d ? { ...d, base: conflict.version } : null));
    setConflict(null);
    setOutcome(null);
  };

  const discard = () => {
    setDraft(null);
    setRestored(false);
  };

  return {
    query,
    text,
    scopeText,
    dirty,
    problems,
    pending: mutation.isPending,
    conflict,
    outcome,
    restored: restored && draft !== null,
    edit,
    save,
    resolve,
    discard,
  };
}
