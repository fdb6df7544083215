/** Stub: replaced by the feature's real page. */
export function HistoryPage() {
  return <h1>HistoryPage</h1>;
}
