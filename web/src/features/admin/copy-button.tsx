import { useState } from 'react';

/** Copies `text` to the clipboard and says so (or says to copy by hand) in a live region. */
export function CopyButton({
  text,
  label,
  done,
  failed,
}: {
  text: string;
  label: string;
  done: string;
  failed: string;
}) {
  const [outcome, setOutcome] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome(done);
    } catch {
      setOutcome(failed);
    }
  };
  return (
    <>
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" className="admin-copy-status">
        {outcome}
      </span>
    </>
  );
}
