import { useEffect } from 'react';

/** Calls `save` on Ctrl+S (⌘S on a Mac) instead of the browser's "save page". */
export function useSaveShortcut(save: () => void) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      save();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [save]);
}

/** Submits the form holding focus (as its submit button would), if any. */
function submitFocusedForm() {
  const active = document.activeElement;
  const form = active instanceof HTMLElement ? active.closest('form') : null;
  form?.requestSubmit();
}

/**
 * Ctrl+S on a page of several small forms (the admin's): saves the one being filled in, the
 * form that holds focus; elsewhere it only keeps the browser from saving the page.
 */
export function useFocusedFormSaveShortcut() {
  useSaveShortcut(submitFocusedForm);
}
