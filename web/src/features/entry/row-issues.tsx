import { useTranslation } from 'react-i18next';
import type { ReasonInput } from '../../components/violation-block';
import type { GridViolation } from './entry-rules';
import { GridViolationBlock, ViolationMark } from './violation-block';

export interface RowIssuesProps {
  id: string;
  /** The row's indicator. */
  code: string;
  /** The violations involving the row: a block for those it comes first in, a mark otherwise. */
  violations: GridViolation[];
  server: string[];
  commentNeedsValue: boolean;
  /** The reason saved with the stored total, if any. */
  storedReason: string | null;
  /** The reasons typed per violation, when editable. */
  reasons: ReasonInput | null;
}

/**
 * Under a row: what is wrong with it (a comment without a value, the server's refusals it
 * cannot judge itself), then each rule violation it involves once: as a block with its reason
 * box under the first row it involves, as a mark linking to that block under the others.
 */
export function RowIssues(p: RowIssuesProps) {
  const { t } = useTranslation('entry');
  const blocking = [...(p.commentNeedsValue ? [t('commentNeedsValue')] : []), ...p.server];
  return (
    <div id={p.id} className="row-issues">
      <div role="alert">
        {blocking.length > 0 && (
          <ul className="issues issues-error">
            {blocking.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </div>
      {p.violations.map((v) =>
        v.rows[0] === p.code ? (
          <GridViolationBlock key={v.key} v={v} reason={p.reasons} />
        ) : (
          <ViolationMark key={v.key} v={v} code={p.code} />
        ),
      )}
      {p.storedReason && (
        <p className="muted small">{t('storedReason', { reason: p.storedReason })}</p>
      )}
    </div>
  );
}
