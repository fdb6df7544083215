import { type RefObject, useEffect, useRef } from 'react';

/**
 * Once, when an editable grid first shows: focus goes to its first empty value input (the
 * work to do), unless the user already put focus somewhere in the page. Nothing happens in a
 * read-only grid or one with every value entered.
 */
export function useFirstEmptyFocus(container: RefObject<HTMLElement | null>, editable: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !editable) return;
    done.current = true;
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('main') !== null) return;
    const inputs = container.current?.querySelectorAll<HTMLInputElement>('input[data-nav]');
    const empty = [...(inputs ?? [])].find((i) => !i.readOnly && i.value.trim() === '');
    empty?.focus();
  }, [container, editable]);
}
