import { useEffect, useState } from 'react';

/** Placeholder home until the web issue: shows the API is up and the catalogue size. */
export function App() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    fetch('/api/catalogue')
      .then((r) => r.json())
      .then((c: { indicators: unknown[] }) => setCount(c.indicators.length))
      .catch(() => setCount(null));
  }, []);
  return (
    <main>
      <h1>ptce-suivi</h1>
      <p>Tableau de suivi des PTCE.</p>
      <p>{count === null ? 'Chargement du catalogue…' : `${count} indicateurs au catalogue.`}</p>
    </main>
  );
}
