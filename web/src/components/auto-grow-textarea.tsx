import { type CSSProperties, type TextareaHTMLAttributes, useLayoutEffect, useRef } from 'react';
import './auto-grow-textarea.css';

/** Whether the browser sizes a textarea to its text by itself (CSS `field-sizing: content`). */
function sizesItself(): boolean {
  return typeof CSS !== 'undefined' && typeof CSS.supports === 'function'
    ? CSS.supports('field-sizing', 'content')
    : false;
}

/**
 * A textarea that grows with its text and never clips it: CSS `field-sizing: content` where
 * the browser has it (Chromium), else its height set to its content's after each change. At
 * least `rows` lines high; the user can still make it taller.
 */
export function AutoGrowTextarea({
  rows = 1,
  className,
  value,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || sizesItself()) return;
    el.style.height = 'auto';
    const border = el.offsetHeight - el.clientHeight;
    el.style.height = `${el.scrollHeight + Math.max(0, border)}px`;
  }, [value]);
  return (
    <textarea
      ref={ref}
      rows={rows}
      value={value}
      className={className ? `auto-grow ${className}` : 'auto-grow'}
      style={{ '--rows': rows } as CSSProperties}
      {...rest}
    />
  );
}
