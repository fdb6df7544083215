import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendRow } from './chart-data';
import { TrendTooltip, type TrendTooltipProps } from './trend-tooltip';

export interface TrendChartProps
  extends Pick<TrendTooltipProps, 'styles' | 'names' | 'format' | 'periodLabel' | 'texts'> {
  rows: TrendRow[];
  /** Axis ticks, without unit. */
  tick: (value: number) => string;
  title: string;
  desc: string;
}

const INK = '#56606b';

/**
 * The Recharts trend: the value (with dots carrying `data-period`), last year's series and the
 * target line (a step changing at the turn of the year); missing periods stay gaps (connectNulls off). Recharts' accessibility layer lets
 * keyboard users walk the periods with the arrow keys once the chart has focus.
 */
export function TrendChart({ rows, tick, title, desc, ...tooltip }: TrendChartProps) {
  return (
    <LineChart
      data={rows}
      responsive
      style={{ width: '100%', height: '100%' }}
      margin={{ top: 12, right: 32, bottom: 4, left: 8 }}
      title={title}
      desc={desc}
    >
      <CartesianGrid stroke="#e4e7eb" vertical={false} />
      <XAxis
        dataKey="period"
        tickFormatter={tooltip.periodLabel}
        tick={{ fill: INK, fontSize: 12 }}
        stroke="#8c959f"
        interval="preserveStartEnd"
        minTickGap={12}
      />
      <YAxis tickFormatter={tick} tick={{ fill: INK, fontSize: 12 }} stroke="#8c959f" width={76} />
      <Tooltip
        isAnimationActive={false}
        content={(p) => <TrendTooltip active={p.active} payload={p.payload} {...tooltip} />}
      />
      {tooltip.styles.map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={tooltip.names[s.key]}
          type={s.key === 'target' ? 'step' : 'linear'}
          stroke={s.color}
          strokeWidth={s.width}
          strokeDasharray={s.dash}
          connectNulls={false}
          isAnimationActive={false}
          dot={s.key === 'value' ? (p) => <ValueDot {...p} color={s.color} /> : false}
          activeDot={s.key === 'value' ? { r: 6, stroke: '#fff', strokeWidth: 2 } : false}
        />
      ))}
    </LineChart>
  );
}

interface DotProps {
  cx?: number | null;
  cy?: number | null;
  index?: number;
  payload?: unknown;
  color: string;
}

/** A dot per entered period, hollow when the value lacks quarters (a partial year). */
function ValueDot({ cx, cy, index, payload, color }: DotProps) {
  const row = payload as TrendRow | undefined;
  if (cx == null || cy == null || !row || row.value === null) return <g key={`gap-${index}`} />;
  return (
    <circle
      key={row.period}
      className="trend-dot"
      data-period={row.period}
      cx={cx}
      cy={cy}
      r={4}
      stroke={color}
      strokeWidth={2}
      fill={row.complete ? color : '#fff'}
    />
  );
}
