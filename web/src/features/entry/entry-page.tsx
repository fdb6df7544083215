/** Stub: replaced by the feature's real page. */
export function EntryPage() {
  return <h1>EntryPage</h1>;
}
