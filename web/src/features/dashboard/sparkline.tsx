import { runPath, sparklineRuns } from './sparkline-path';

const WIDTH = 200;
const HEIGHT = 32;

/**
 * A small trend line in plain SVG (no chart library), as wide as its box, with gaps where
 * quarters are missing; a lone quarter is a dot. Decorative: the tile states the figures.
 */
export function Sparkline({ values }: { values: ReadonlyArray<number | null> }) {
  const runs = sparklineRuns(values, WIDTH, HEIGHT, 3);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
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
