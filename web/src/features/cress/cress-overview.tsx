import type { PoleSummary } from '@ptce/shared/poles.schema';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodsQuery } from '../../api/periods';
import { ErrorMessage } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import type { ActionTarget } from './pole-row';
import { ReasonDialogHost } from './reason-dialog-host';
import { RegionGrid } from './region-grid';

interface Props {
  regions: Array<{ code: string; name: string; poles: PoleSummary[] }>;
  quarters: string[];
  current: string;
}

/** The grids of the CRESS's regions, the count of quarters awaiting it, feedback and dialog. */
export function CressOverview({ regions, quarters, current }: Props) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  const poles = regions.flatMap((r) => r.poles);
  const range = { from: quarters[0]!, to: quarters[quarters.length - 1]! };
  const results = useQueries({ queries: poles.map((p) => periodsQuery(p.slug, range)) });
  const bySlug = new Map(poles.map((p, i) => [p.slug, results[i]!]));
  const [target, setTarget] = useState<ActionTarget | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The button just used disappears with the new state: keep focus on the outcome.
  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);

  const loaded = results.every((r) => r.data);
  const pending = results.reduce(
    (n, r) => n + (r.data?.periods.filter((p) => p.status === 'submitted').length ?? 0),
    0,
  );
  const onDone = (done: ActionTarget) => {
    setTarget(null);
    setError(null);
    setMessage(
      t(`done.${done.action}`, { pole: done.pole.name, quarter: fmtQuarter(done.period, lang) }),
    );
  };
  const handlers = {
    onAsk: (next: ActionTarget) => {
      setError(null);
      setTarget(next);
    },
    onDone,
    onError: (err: unknown) => {
      setMessage('');
      setError(err);
    },
  };

  return (
    <>
      <p className="cress-summary">
        {loaded ? (pending === 0 ? t('pendingNone') : t('pending', { count: pending })) : '\u00a0'}
      </p>
      <p ref={statusRef} role="status" tabIndex={-1} className="cress-status">
        {message}
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {regions.map((r) => (
        <RegionGrid
          key={r.code}
          regionCode={r.code}
          regionName={r.name}
          poles={r.poles}
          quarters={quarters}
          current={current}
          queryOf={(slug) => bySlug.get(slug)!}
          {...handlers}
        />
      ))}
      {target && (
        <ReasonDialogHost
          key={`${target.pole.slug}-${target.period}`}
          target={target}
          onClose={() => setTarget(null)}
          onDone={onDone}
        />
      )}
    </>
  );
}
