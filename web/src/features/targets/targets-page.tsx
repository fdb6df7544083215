/** Stub: replaced by the feature's real page. */
export function TargetsPage() {
  return <h1>TargetsPage</h1>;
}
