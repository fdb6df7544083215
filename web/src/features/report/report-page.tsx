/** Stub: replaced by the feature's real page. */
export function ReportPage() {
  return <h1>ReportPage</h1>;
}
