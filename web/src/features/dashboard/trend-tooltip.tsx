import type { TrendRow } from './chart-data';
import type { SeriesStyle } from './series-style';

export interface TrendTooltipProps {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  styles: readonly SeriesStyle[];
  names: Record<SeriesStyle['key'], string>;
  format: (value: number) => string;
  periodLabel: (period: string) => string;
  texts: { notEntered: string; partial: string };
}

/**
 * The hovered (or keyboard-selected) period: each line's value formatted the user's way
 * with the indicator's decimals and unit; a gap reads "non saisi", a partial year "incomplet".
 */
export function TrendTooltip({
  active,
  payload,
  styles,
  names,
  format,
  periodLabel,
  texts,
}: TrendTooltipProps) {
  const row = payload?.[0]?.payload as TrendRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="trend-tooltip">
      <p className="trend-tooltip-period">{periodLabel(row.period)}</p>
      <ul>
        {[...styles].reverse().map((s) => {
          const value = row[s.key];
          if (s.key === 'target' && value === null) return null;
          return (
            <li key={s.key} data-series={s.key}>
              <svg width="18" height="8" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  y1="4"
                  x2="18"
                  y2="4"
                  stroke={s.color}
                  strokeWidth={3}
                  strokeDasharray={s.dash}
                />
              </svg>
              {names[s.key]}
              {'\u00a0: '}
              <strong>{value === null ? texts.notEntered : format(value)}</strong>
              {s.key === 'value' && value !== null && !row.complete && ` (${texts.partial})`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
