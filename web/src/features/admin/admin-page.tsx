/** Stub: replaced by the feature's real page. */
export function AdminPage() {
  return <h1>AdminPage</h1>;
}
