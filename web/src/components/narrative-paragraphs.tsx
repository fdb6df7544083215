import './narrative.css';

/**
 * A narrative's plain text as paragraphs: a blank line starts a new paragraph, a single line
 * break stays a line break (`white-space: pre-line`). Never HTML: the text is shown as typed.
 */
export function NarrativeParagraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div className="narrative-text">
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
