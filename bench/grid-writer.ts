/** A cell of the saved grid: a scope's indicator (totals). */
export interface GridCell {
  scope: string;
  indicator: string;
}

/**
 * Saves a full quarter grid of `cells` into a pole as its coordinator would (PUT values with
 * versions and a reason for the rules), alternating the values so each save changes every cell
 * and writes its history. Keeps each pole's versions, read from the server on a pole's first
 * save (a reused dataset keeps the saves of an earlier run).
 */
export function gridWriter(o: { url: string; cookie: string; cells: GridCell[]; period: string }) {
  const versions = new Map<string, Map<string, number>>();
  const turns = new Map<string, number>();
  const headers = { cookie: o.cookie };

  async function versionsOf(pole: string): Promise<Map<string, number>> {
    let known = versions.get(pole);
    if (known) return known;
    const res = await fetch(
      `${o.url}/api/poles/${pole}/values?from=${o.period}&to=${o.period}&slice=`,
      { headers },
    );
    if (res.status !== 200) throw new Error(`values of ${pole}: ${res.status}`);
    const current = (await res.json()) as {
      values: Array<{ scope: string; indicator: string; version: number; value: number }>;
    };
    known = new Map(current.values.map((v) => [`${v.scope}|${v.indicator}`, v.version]));
    // Start from the other value than the stored one, so that every save changes every cell.
    const first = current.values.find(
      (v) => v.scope === o.cells[0]?.scope && v.indicator === o.cells[0]?.indicator,
    );
    turns.set(pole, first?.value === 0 ? 1 : 0);
    versions.set(pole, known);
    return known;
  }

  /** Saves the grid into `pole`; resolves to the request's latency in ms. */
  return async function save(pole: string): Promise<number> {
    const known = await versionsOf(pole);
    const turn = turns.get(pole) ?? 0;
    turns.set(pole, turn + 1);
    const entries = o.cells.map((c) => ({
      ...c,
      value: turn % 2,
      version: known.get(`${c.scope}|${c.indicator}`) ?? 0,
      overrideReason: 'banc d’essai',
    }));
    const start = performance.now();
    const res = await fetch(`${o.url}/api/poles/${pole}/values`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json', origin: o.url },
      body: JSON.stringify({ period: o.period, entries }),
    });
    const json = await res.json();
    const latency = performance.now() - start;
    if (res.status !== 200)
      throw new Error(
        `grid save into ${pole}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`,
      );
    for (const s of json.saved as Array<{ scope: string; indicator: string; version: number }>)
      known.set(`${s.scope}|${s.indicator}`, s.version);
    return latency;
  };
}

/**
 * The first 45 cells of `pole`'s grid that hold counts (ratios are computed, not entered): the
 * grid a coordinator saves each quarter.
 */
export async function gridCells(url: string, cookie: string, pole: string): Promise<GridCell[]> {
  const grid = (await (
    await fetch(`${url}/api/poles/${pole}`, { headers: { cookie } })
  ).json()) as { scopes: Array<{ slug: string; indicators: string[] }> };
  const catalogue = (await (await fetch(`${url}/api/catalogue`)).json()) as {
    indicators: Array<{ code: string; kind: string }>;
  };
  const ratios = new Set(catalogue.indicators.filter((i) => i.kind === 'ratio').map((i) => i.code));
  return grid.scopes
    .flatMap((s) =>
      s.indicators.filter((c) => !ratios.has(c)).map((indicator) => ({ scope: s.slug, indicator })),
    )
    .slice(0, 45);
}
