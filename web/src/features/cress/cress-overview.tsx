import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { QuarterQuality } from '@ptce/shared/quality.schema';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodsQuery } from '../../api/periods';
import { regionQualityQuery } from '../../api/quality';
import { ErrorMessage } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { ReviewDialog, type ReviewTarget } from '../review/review-dialog';
import { PendingList, sortPending } from './pending-list';
import { RegionGrid } from './region-grid';

interface Props {
  regions: Array<{ code: string; name: string; poles: PoleSummary[] }>;
  quarters: string[];
  current: string;
}

/**
 * The CRESS's quarters: the count awaiting it, then those quarters (oldest first) to validate
 * or send back, then the grids of its regions with each quarter's quality; feedback, dialogs.
 */
export function CressOverview({ regions, quarters, current }: Props) {
  const { t } = useTranslation('cress');
  const { t: tr } = useTranslation('review');
  const lang = useLang();
  const poles = regions.flatMap((r) => r.poles);
  const range = { from: quarters[0]!, to: quarters[quarters.length - 1]! };
  const results = useQueries({ queries: poles.map((p) => periodsQuery(p.slug, range)) });
  const qualities = useQueries({
    queries: regions.map((r) => regionQualityQuery(r.code, range)),
  });
  const bySlug = new Map(poles.map((p, i) => [p.slug, results[i]!]));
  const quality = new Map<string, QuarterQuality>();
  for (const q of qualities)
    for (const p of q.data?.poles ?? [])
      for (const quarter of p.quarters) quality.set(`${p.slug}|${quarter.period}`, quarter);
  const qualityOf = (slug: string, period: string) => quality.get(`${slug}|${period}`);
  const weights = qualities.find((q) => q.data)?.data?.weights;
  const [target, setTarget] = useState<ReviewTarget | null>(null);
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  // The button just used disappears with the new state: keep focus on the outcome.
  useEffect(() => {
    if (message) statusRef.current?.focus();
  }, [message]);

  const loaded = results.every((r) => r.data);
  const pending = sortPending(
    poles.flatMap((pole) =>
      (bySlug.get(pole.slug)?.data?.periods ?? [])
        .filter((s) => s.status === 'submitted')
        .map((state) => ({ pole, state, quality: qualityOf(pole.slug, state.period) })),
    ),
  );
  const ask = (pole: PoleSummary, period: string, action: ReviewTarget['action']) => {
    setMessage('');
    setTarget({ pole, period, action });
  };
  const onDone = (done: ReviewTarget) => {
    setTarget(null);
    setMessage(
      tr(`done.${done.action}`, { pole: done.pole.name, quarter: fmtQuarter(done.period, lang) }),
    );
  };
  const failed = qualities.find((q) => q.error);

  return (
    <>
      <p className="cress-summary">
        {loaded
          ? pending.length === 0
            ? t('pendingNone')
            : t('pending', { count: pending.length })
          : '\u00a0'}
      </p>
      <p ref={statusRef} role="status" tabIndex={-1} className="cress-status">
        {message}
      </p>
      <PendingList items={pending} weights={weights} onAction={ask} />
      {failed ? <ErrorMessage error={failed.error} onRetry={() => failed.refetch()} /> : null}
      {regions.map((r) => (
        <RegionGrid
          key={r.code}
          regionCode={r.code}
          regionName={r.name}
          poles={r.poles}
          quarters={quarters}
          current={current}
          queryOf={(slug) => bySlug.get(slug)!}
          qualityOf={qualityOf}
          weights={weights}
          onReopen={(pole, period) => ask(pole, period, 'reopen')}
        />
      ))}
      {target && (
        <ReviewDialog
          key={`${target.pole.slug}-${target.period}-${target.action}`}
          target={target}
          onClose={() => setTarget(null)}
          onDone={onDone}
        />
      )}
    </>
  );
}
