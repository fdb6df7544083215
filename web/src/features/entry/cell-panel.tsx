import type { StoredValue } from '@ptce/shared/values.schema';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { CellPanelBody } from './cell-panel-body';
import type { RowModel } from './entry-model';
import type { GridContext } from './grid-context';
import './cell-panel.css';

/** How the panel was opened: from its button (focus goes into it) or the shortcut (stays). */
type OpenedBy = 'button' | 'shortcut';

interface CellPanelApi {
  /** The indicator whose total the panel shows, or null when closed. */
  code: string | null;
  panelId: string;
  open: (code: string, by: OpenedBy) => void;
}

const CellPanelContext = createContext<CellPanelApi | null>(null);

/** The row group of an indicator's total carries `data-cell={code}`; its value is the first input. */
const rowOf = (el: EventTarget | null): string | null =>
  el instanceof Element ? (el.closest('[data-cell]')?.getAttribute('data-cell') ?? null) : null;

function valueInputOf(code: string): HTMLElement | null {
  const group = [...document.querySelectorAll('[data-cell]')].find(
    (el) => el.getAttribute('data-cell') === code,
  );
  return (
    group?.querySelector<HTMLElement>('input[data-nav]') ??
    group?.querySelector<HTMLElement>('[data-cell-panel-button]') ??
    null
  );
}

/** The shortcut that opens the panel from a row's value: Alt+H ("Historique"), any layout. */
const isShortcut = (e: KeyboardEvent) =>
  e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyH' || e.key.toLowerCase() === 'h');

/**
 * The per-cell side panel of the grid (like DHIS2's details bar): the history and comments of
 * a row's value beside the grid, without leaving it. Opened by a row's "Historique" button or
 * Alt+H from its value; while open it follows the value focused in the grid; Escape or its
 * close button closes it and puts focus back on the value it showed.
 */
export function CellPanelHost({
  ctx,
  rows,
  values,
  scopeName,
  children,
}: {
  ctx: GridContext;
  rows: RowModel[];
  /** The scope's stored values the grid loaded (the entered quarter and the four before). */
  values: StoredValue[];
  scopeName: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('entry');
  const panelId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<{ code: string; by: OpenedBy } | null>(null);
  const code = state?.code ?? null;

  const open = useCallback((next: string, by: OpenedBy) => setState({ code: next, by }), []);
  const close = useCallback(() => {
    setState(null);
    // after the panel is gone, as the value may sit under it on a phone
    if (code !== null) queueMicrotask(() => valueInputOf(code)?.focus());
  }, [code]);

  useEffect(() => {
    if (state?.by === 'button') headingRef.current?.focus();
  }, [state]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (isShortcut(e)) {
        const row = rowOf(e.target);
        if (!row) return;
        e.preventDefault();
        open(row, 'shortcut');
        return;
      }
      if (e.key !== 'Escape' || code === null) return;
      // a dialog or a definition tip takes its own Escape
      if (e.target instanceof Element && e.target.closest('dialog, [role="dialog"], .tip')) return;
      e.preventDefault();
      close();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (code === null || !(e.target instanceof HTMLInputElement)) return;
      if (!e.target.hasAttribute('data-nav')) return;
      const row = rowOf(e.target);
      if (row && row !== code) setState({ code: row, by: 'shortcut' });
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [code, open, close]);

  const api = useMemo(() => ({ code, panelId, open }), [code, panelId, open]);
  const row = code === null ? undefined : rows.find((r) => r.indicator.code === code);

  return (
    <CellPanelContext.Provider value={api}>
      {children}
      <p className="visually-hidden" role="status">
        {row && state?.by === 'shortcut' ? t('panel.opened', { label: row.label }) : ''}
      </p>
      {row && (
        <section
          id={panelId}
          className="cell-panel"
          aria-label={`${t('panel.title')} — ${row.label}`}
        >
          <div className="cell-panel-head">
            <h2 ref={headingRef} tabIndex={-1}>
              <span className="cell-panel-kicker">{t('panel.title')}</span>
              {row.label}
            </h2>
            <button
              type="button"
              className="cell-panel-close"
              aria-label={t('panel.close')}
              title={t('panel.close')}
              onClick={close}
            >
              ×
            </button>
          </div>
          <CellPanelBody row={row} ctx={ctx} values={values} scopeName={scopeName} />
        </section>
      )}
    </CellPanelContext.Provider>
  );
}

/** A row's "Historique" button: opens (or moves) the side panel on this row's value. */
export function CellPanelButton({ code, label }: { code: string; label: string }) {
  const { t } = useTranslation('entry');
  const panel = useContext(CellPanelContext);
  if (!panel) return null;
  const shown = panel.code === code;
  return (
    <button
      type="button"
      className="toggle"
      data-cell-panel-button=""
      aria-label={`${t('history')} — ${label}`}
      aria-expanded={shown}
      aria-controls={shown ? panel.panelId : undefined}
      aria-keyshortcuts="Alt+H"
      title={t('panel.hint')}
      onClick={() => panel.open(code, 'button')}
    >
      {t('history')}
    </button>
  );
}
