/** A point of a sparkline in SVG user units. */
export interface SparkPoint {
  x: number;
  y: number;
}

/**
 * Lays out `values` in a `width` × `height` box (inner margin `pad`): x evenly spaced, y scaled
 * between the smallest and the largest value (a flat series sits in the middle). A null value
 * breaks the line, so the result is a list of runs; a run of one point is drawn as a dot.
 */
export function sparklineRuns(
  values: ReadonlyArray<number | null>,
  width: number,
  height: number,
  pad = 2,
): SparkPoint[][] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return [];
  const min = Math.min(...present);
  const max = Math.max(...present);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) =>
    max === min ? height / 2 : pad + ((max - v) / (max - min)) * (height - 2 * pad);
  const runs: SparkPoint[][] = [];
  let run: SparkPoint[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push({ x: round(values.length > 1 ? pad + i * step : width / 2), y: round(y(v)) });
  });
  if (run.length) runs.push(run);
  return runs;
}

/** The SVG path `d` of one run: `M x y L x y …`. */
export function runPath(run: readonly SparkPoint[]): string {
  return run.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

const round = (n: number) => Math.round(n * 100) / 100;
