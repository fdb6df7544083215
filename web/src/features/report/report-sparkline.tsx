const W = 96;
const H = 24;
const PAD = 2;

/**
 * A trend in plain SVG for print: a line through the entered quarters, broken where one is
 * missing (a lone quarter is a dot). Named by `label` for screen readers.
 */
export function ReportSparkline({
  values,
  label,
}: {
  values: ReadonlyArray<number | null>;
  label: string;
}) {
  const present = values.filter((v): v is number => v !== null);
  const min = Math.min(...present);
  const max = Math.max(...present);
  const x = (i: number) =>
    PAD + (values.length > 1 ? (i * (W - 2 * PAD)) / (values.length - 1) : 0);
  const y = (v: number) => (max === min ? H / 2 : PAD + ((max - v) / (max - min)) * (H - 2 * PAD));
  let d = '';
  values.forEach((v, i) => {
    if (v === null) return;
    const move = i === 0 || values[i - 1] === null;
    const next = values[i + 1];
    d += `${move ? 'M' : 'L'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
    if (move && (next === null || next === undefined)) d += 'h0.01';
  });
  return (
    <svg
      className="report-spark"
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
    >
      <path d={d} />
    </svg>
  );
}
