import type { Scope } from '@ptce/shared/poles.schema';
import type { Role } from '@ptce/shared/session.schema';
import { type KeyboardEvent, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrativeParagraphs } from '../../components/narrative-paragraphs';
import { QueryState } from '../../components/query-state';
import { fmtDateTime, fmtQuarter, type Lang } from '../../lib/format';
import { draftKey } from '../../lib/session-draft';
import { NarrativeConflict } from './narrative-conflict';
import { NarrativeField } from './narrative-field';
import './narrative-panel.css';
import { useNarrativeEditor } from './use-narrative-editor';

interface Props {
  pole: string;
  period: string;
  scope: Scope;
  /** The caller's roles on the pole: its coordinator and an admin write. */
  roles: readonly Role[];
  /** Whether the quarter takes changes now (`quarterTakesValues`). */
  takes: 'open' | 'future' | 'locked';
  /** The user id, in the key of the unsaved typing kept in sessionStorage. */
  user: string | number;
  lang: Lang;
  /** Told whenever the panel starts or stops holding unsaved text. */
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * "Faits marquants" beside the grid: the quarter's pole text and, on a working group, that
 * group's text, each with a counter; saved on its own with the version it was typed from
 * (Ctrl+S inside saves it), a 409 shown as the grid's (theirs shown, yours kept). Read only,
 * as text, for other roles and once the quarter is submitted or validated.
 */
export function NarrativePanel({
  pole,
  period,
  scope,
  roles,
  takes,
  user,
  lang,
  onDirtyChange,
}: Props) {
  const writer = roles.includes('coordinator') || roles.includes('admin');
  const readOnly = !writer ? 'role' : takes === 'open' ? null : takes;
  const storageKey = draftKey(['faits-marquants', user, pole, period, scope.slug]);
  const { t } = useTranslation('narrative');
  const headingId = useId();
  const group = scope.kind === 'group' ? scope : undefined;
  const editor = useNarrativeEditor(pole, period, group?.slug, readOnly ? null : storageKey);
  const { dirty } = editor;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const poleLabel = t('poleLabel', { period: fmtQuarter(period, lang) });
  const scopeLabel = group ? t('scopeLabel', { scope: group.name }) : '';

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's') return;
    // The grid saves on Ctrl+S anywhere else; inside the panel, the panel saves.
    e.preventDefault();
    e.stopPropagation();
    editor.save();
  };

  return (
    <section className="narrative-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('title')}</h2>
      <QueryState query={editor.query} minHeight="8rem">
        {(stored) =>
          readOnly ? (
            <>
              <p className="muted small">{t(readOnly === 'role' ? 'readOnlyRole' : readOnly)}</p>
              <h3>{poleLabel}</h3>
              {stored.text ? <NarrativeParagraphs text={stored.text} /> : <p>{t('none')}</p>}
              {group && stored.scopes[group.slug] && (
                <>
                  <h3>{scopeLabel}</h3>
                  <NarrativeParagraphs text={stored.scopes[group.slug]!} />
                </>
              )}
            </>
          ) : (
            <form
              onKeyDown={onKeyDown}
              onSubmit={(e) => {
                e.preventDefault();
                editor.save();
              }}
            >
              <p className="muted small">{t('help')}</p>
              {editor.restored && (
                <p className="notice small">
                  {t('restored')}{' '}
                  <button type="button" onClick={editor.discard}>
                    {t('discard')}
                  </button>
                </p>
              )}
              {editor.conflict && (
                <NarrativeConflict
                  theirs={editor.conflict}
                  scope={group}
                  lang={lang}
                  onResolve={editor.resolve}
                />
              )}
              <NarrativeField
                label={poleLabel}
                value={editor.text}
                lang={lang}
                onChange={(v) => editor.edit('text', v)}
              />
              {group && (
                <NarrativeField
                  label={scopeLabel}
                  value={editor.scopeText}
                  lang={lang}
                  onChange={(v) => editor.edit('scope', v)}
                />
              )}
              <div className="narrative-save">
                <button
                  type="submit"
                  className="primary"
                  disabled={
                    !editor.dirty ||
                    editor.pending ||
                    editor.problems.text !== null ||
                    editor.problems.scope !== null
                  }
                >
                  {editor.pending ? t('saving') : t('save')}
                </button>
                <p role="status" className="small">
                  {editor.dirty
                    ? t('unsaved')
                    : editor.outcome?.kind === 'saved'
                      ? t('saved')
                      : stored.updatedAt
                        ? t('savedBy', {
                            who: stored.updatedBy ?? t('someone'),
                            when: fmtDateTime(stored.updatedAt, lang),
                          })
                        : ''}
                </p>
              </div>
              {editor.outcome?.kind === 'failed' && (
                <p role="alert" className="error-box">
                  {(editor.outcome.error as Error).message}
                </p>
              )}
            </form>
          )
        }
      </QueryState>
    </section>
  );
}
