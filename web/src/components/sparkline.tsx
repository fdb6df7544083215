import { runPath, sparklineRuns } from '../lib/sparkline-path';

interface Props {
  values: ReadonlyArray<number | null>;
  /** The drawing box in SVG user units, and the inner margin kept around the line. */
  width: number;
  height: number;
  pad: number;
  className: string;
  /** Names the trend for screen readers (`role="img"`); without it the line is decorative. */
  label?: string;
  /** Drawn as wide and high as CSS makes it (the line stretches) instead of `width` × `height`. */
  stretch?: boolean;
}

/**
 * A small trend line in plain SVG (no chart library), broken where a quarter is missing; a
 * lone quarter is a dot.
 */
export function Sparkline({ values, width, height, pad, className, label, stretch }: Props) {
  const runs = sparklineRuns(values, width, height, pad);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${width} ${height}`}
      width={stretch ? undefined : width}
      height={stretch ? undefined : height}
      preserveAspectRatio={stretch ? 'none' : undefined}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : 'true'}
      focusable={label ? undefined : 'false'}
    >
      {runs.map((run) => (
        <path
          key={`${run[0]!.x}`}
          d={run.length === 1 ? `M${run[0]!.x} ${run[0]!.y}h0.01` : runPath(run)}
        />
      ))}
    </svg>
  );
}
