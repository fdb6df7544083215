import {
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useRef,
} from 'react';
import './review.css';

interface Props {
  title: string;
  /** The element that gets focus when the dialog opens (else the dialog itself). */
  initialFocus?: RefObject<HTMLElement | null>;
  /** While true, Escape does not close (a request is on its way). */
  busy: boolean;
  onCancel: () => void;
  children: (ids: { textId: string }) => ReactNode;
}

/**
 * A modal dialog: named by its title and described by the element given `textId`; focus
 * moves in when it opens, stays inside (Tab cycles), Escape cancels, and the opener gets
 * focus back when it closes.
 */
export function ModalDialog({ title, initialFocus, busy, onCancel, children }: Props) {
  const titleId = useId();
  const textId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    (initialFocus?.current ?? dialogRef.current)?.focus();
    return () => opener?.focus?.();
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.stopPropagation();
      onCancel();
    }
    if (e.key !== 'Tab') return;
    const focusable = dialogRef.current?.querySelectorAll<HTMLElement>(
      'textarea, button:not([disabled]), [href], summary',
    );
    if (!focusable || focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="review-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="review-dialog"
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children({ textId })}
      </div>
    </div>
  );
}
