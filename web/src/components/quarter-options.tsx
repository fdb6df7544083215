import { fmtQuarter } from '../lib/format';
import { useLang } from '../lib/use-lang';

/** The options of a quarter list, each `2025Q2` shown `T2 2025` (`Q2 2025` in English). */
export function QuarterOptions({ quarters }: { quarters: readonly string[] }) {
  const lang = useLang();
  return (
    <>
      {quarters.map((q) => (
        <option key={q} value={q}>
          {fmtQuarter(q, lang)}
        </option>
      ))}
    </>
  );
}
