/** Stub: replaced by the feature's real page. */
export function CressHomePage() {
  return <h1>CressHomePage</h1>;
}
