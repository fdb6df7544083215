import { latestStats } from '@ptce/shared/figures/indicator-stats';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorTile } from './indicator-tile';
import { TrendPanel } from './trend-panel';
import type { FiguresData } from './use-dashboard-data';
import type { DashboardParams } from './use-dashboard-params';

interface Props {
  scope: Scope;
  data: FiguresData;
  params: DashboardParams;
  onOpen: (indicator: string | null) => void;
  onStep: (by: DashboardParams['by']) => void;
}

/** One working group (or the pole scope): a tile per tracked indicator, and the open trend. */
export function ScopeSection({ scope, data, params, onOpen, onStep }: Props) {
  const { t } = useTranslation('dashboard');
  const headingId = useId();
  const panelId = useId();
  const tiles = useRef(new Map<string, HTMLButtonElement>());
  const byCode = new Map(data.catalogue.indicators.map((i) => [i.code, i]));
  const indicators = scope.indicators.flatMap((code) => byCode.get(code) ?? []);
  const openCode = params.open?.scope === scope.slug ? params.open.indicator : null;
  const opened = indicators.find((i) => i.code === openCode);

  return (
    <section className="scope-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{scope.name}</h2>
      {indicators.length === 0 && <p className="muted">{t('scope.empty')}</p>}
      <div className="tiles">
        {indicators.map((indicator) => (
          <IndicatorTile
            key={indicator.code}
            ref={(el) => {
              if (el) tiles.current.set(indicator.code, el);
              else tiles.current.delete(indicator.code);
            }}
            indicator={indicator}
            open={indicator.code === openCode}
            panelId={panelId}
            onToggle={() => onOpen(indicator.code === openCode ? null : indicator.code)}
            hideTarget={data.hasTargets === false}
            stats={latestStats(data.figures, scope.slug, indicator, data.range, (year) =>
              data.targetOf(scope.slug, indicator.code, year),
            )}
          />
        ))}
      </div>
      {opened && (
        <TrendPanel
          id={panelId}
          scope={scope}
          indicator={opened}
          data={data}
          params={params}
          onClose={() => {
            onOpen(null);
            tiles.current.get(opened.code)?.focus();
          }}
          onStep={onStep}
        />
      )}
    </section>
  );
}
