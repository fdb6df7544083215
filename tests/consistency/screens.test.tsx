import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import type { Indicator } from '@ptce/shared/catalogue.schema';
import { changeAgainst } from '@ptce/shared/figures/indicator-stats';
import { formatNumber, formatValue } from '@ptce/shared/format';
import { quarterLabel, quarterRange, sameQuarterLastYear } from '@ptce/shared/periods';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from '../../web/src/features/dashboard/dashboard-page';
import { ReportPage } from '../../web/src/features/report/report-page';
import { TargetsPage } from '../../web/src/features/targets/targets-page';
import { fmtChange } from '../../web/src/lib/format';
import { renderWithProviders } from '../../web/src/testing/render';
import { actAs, exportRows, getJson, openDemo } from './in-process-api';

// What the pages put on screen — the text of their tiles, trend tables, report rows and
// targets table, rendered by the real components on the real API — equals the export's number
// for every indicator of every scope of the demo pole, each quarter and year from 2024. A
// component that computed or formatted a number on its own would differ here.

const POLE = 'henin-carvin';
const FROM = '2024Q1';
const TO = '2026Q3';
const QUARTERS = quarterRange(FROM, TO);
/** The text as a reader sees it: no-break spaces as spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

let demo: Awaited<ReturnType<typeof openDemo>>;
let cookie: string;
let indicators: Map<string, Indicator>;
let scopes: Array<{ slug: string; name: string; indicators: string[] }>;
beforeAll(async () => {
  demo = await openDemo();
  cookie = await demo.login('coordination@henin-carvin.demo');
  actAs(demo.app, cookie);
  const catalogue = await getJson(demo.app, cookie, '/api/catalogue');
  indicators = new Map((catalogue.indicators as Indicator[]).map((i) => [i.code, i]));
  scopes = (await getJson(demo.app, cookie, `/api/poles/${POLE}`)).scopes;
});
afterAll(async () => {
  await demo?.close();
});
afterEach(() => cleanup());

/** The export's totals, `scope|indicator|period` → the text a screen would show for it. */
async function exported(query: string, show: (v: number | null, i: Indicator) => string) {
  const rows: AggregateRow[] = await exportRows(
    demo.app,
    cookie,
    `level=scope&poles=${POLE}&${query}`,
  );
  const out = new Map<string, string>();
  for (const r of rows)
    if (r.slice === '')
      out.set(
        `${r.scope}|${r.indicator}|${r.period}`,
        plain(show(r.value, indicators.get(r.indicator)!)),
      );
  return out;
}
const withUnit = (v: number | null, i: Indicator) => formatValue(v, i, 'fr');
const bare = (v: number | null, i: Indicator) =>
  v === null ? '—' : formatNumber(v, 'fr', i.decimals);
const label = (code: string) => indicators.get(code)!.labelFr;

/** Collects what differs; counts the numbers compared. */
function differences() {
  const list: string[] = [];
  let compared = 0;
  return {
    list,
    count: () => compared,
    check(where: string, screenText: string, fileText: string | undefined) {
      const file = fileText ?? '—';
      if (screenText !== file) list.push(`${where}: screen ${screenText}, export ${file}`);
      else if (file !== '—') compared++;
    },
  };
}

describe('the pages show the export’s numbers (rendered components, real API)', () => {
  it('dashboard tiles, quarter by quarter: value, change on last year, year to date', async () => {
    const file = await exported(`by=quarter&from=${FROM}&to=${TO}`, withUnit);
    const raw = await exported(`by=quarter&from=2023Q1&to=${TO}`, (v) => String(v));
    const num = (key: string) => {
      const v = raw.get(key);
      return v === undefined || v === 'null' ? null : Number(v);
    };
    const d = differences();
    for (const q of QUARTERS) {
      const ytd = await exported(`by=year&from=${q.slice(0, 4)}Q1&to=${q}`, withUnit);
      renderWithProviders(<DashboardPage />, {
        route: `/poles/${POLE}?du=${q}&au=${q}`,
        path: '/poles/:pole',
      });
      for (const scope of scopes) {
        const region = await screen.findByRole('region', { name: scope.name }, { timeout: 20_000 });
        const tiles = region.querySelectorAll('.tile');
        expect(tiles.length).toBe(scope.indicators.length);
        for (const [n, tile] of tiles.entries()) {
          const code = scope.indicators[n]!;
          const ind = indicators.get(code)!;
          const key = `${scope.slug}|${code}`;
          expect(plain(tile.querySelector('.tile-label')?.textContent)).toBe(label(code));
          const strong = tile.querySelector('.tile-value strong');
          d.check(
            `tile ${key} ${q}`,
            strong ? plain(strong.textContent) : '—',
            file.get(`${key}|${q}`),
          );
          if (!strong) continue;
          const change = changeAgainst(
            num(`${key}|${q}`),
            num(`${key}|${sameQuarterLastYear(q)}`),
            ind.unit,
          );
          if (change) {
            const shown = plain(tile.querySelector('.tile-change')?.textContent).split(
              ' par rapport',
            )[0]!;
            d.check(`tile change ${key} ${q}`, shown, plain(fmtChange(change, 'fr', 'pt')));
          }
          const target = plain(tile.querySelector('.tile-target')?.textContent);
          const done =
            /\((.+) sur .+\)$/.exec(target)?.[1] ?? /réalisé : (.+)\)$/.exec(target)?.[1];
          if (done !== undefined)
            d.check(`tile ytd ${key} ${q}`, done, ytd.get(`${key}|${q.slice(0, 4)}`));
        }
      }
      cleanup();
    }
    expect(d.list).toEqual([]);
    expect(d.count()).toBeGreaterThan(1000);
  });

  // A year cut by the range holds its quarters in it, in the chart as in the export.
  it.each([
    ['quarter', FROM, TO],
    ['year', FROM, TO],
    ['year', '2024Q3', '2026Q2'],
  ] as const)('trend tables by %s from %s to %s, every indicator', async (by, from, to) => {
    const file = await exported(`by=${by}&from=${from}&to=${to}`, withUnit);
    const d = differences();
    const cellText = (row: HTMLElement) =>
      plain(within(row).getAllByRole('cell')[0]!.textContent)
        .replace(/ \(incomplet\)$/, '')
        .replace(/^non saisi$/, '—');
    const periods =
      by === 'quarter'
        ? quarterRange(from, to)
        : Array.from({ length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 }, (_, i) =>
            String(Number(from.slice(0, 4)) + i),
          );
    renderWithProviders(<DashboardPage />, {
      route: `/poles/${POLE}?du=${from}&au=${to}${by === 'year' ? '&pas=annee' : ''}`,
      path: '/poles/:pole',
    });
    for (const scope of scopes) {
      for (const code of scope.indicators) {
        const region = await screen.findByRole('region', { name: scope.name }, { timeout: 20_000 });
        const tile = [...region.querySelectorAll<HTMLButtonElement>('.tile')].find(
          (t) => plain(t.querySelector('.tile-label')?.textContent) === label(code),
        )!;
        fireEvent.click(tile);
        const panel = await screen.findByRole('region', { name: `Évolution — ${label(code)}` });
        const toggle = within(panel).getByRole('button', { name: 'Tableau des données' });
        if (toggle.getAttribute('aria-expanded') !== 'true') fireEvent.click(toggle);
        const table = await within(panel).findByRole('table');
        const rows = within(table).getAllByRole('row').slice(1);
        expect(rows.map((r) => plain(within(r).getByRole('rowheader').textContent))).toEqual(
          periods.map((p) => (by === 'quarter' ? quarterLabel(p, 'fr') : p)),
        );
        for (const [n, row] of rows.entries())
          d.check(
            `trend ${scope.slug} ${code} ${periods[n]}`,
            cellText(row),
            file.get(`${scope.slug}|${code}|${periods[n]}`),
          );
      }
    }
    expect(d.list).toEqual([]);
    expect(d.count()).toBeGreaterThan(by === 'quarter' ? 400 : 100);
  });

  it('the quarterly report: each quarter and its year to date', async () => {
    const byQuarter = await exported(`by=quarter&from=${FROM}&to=${TO}`, withUnit);
    const d = differences();
    for (const q of QUARTERS) {
      const ytd = await exported(`by=year&from=${q.slice(0, 4)}Q1&to=${q}`, withUnit);
      renderWithProviders(<ReportPage />, {
        route: `/poles/${POLE}/rapport/${q}`,
        path: '/poles/:pole/rapport/:period',
      });
      for (const scope of scopes) {
        const region = await screen.findByRole('region', { name: scope.name }, { timeout: 20_000 });
        for (const code of scope.indicators) {
          const cells = cellsOf(region, label(code));
          d.check(
            `report ${scope.slug} ${code} ${q}`,
            plain(cells[0]!.textContent),
            byQuarter.get(`${scope.slug}|${code}|${q}`),
          );
          const ytdShown = plain(cells[4]!.textContent)
            .split(' / ')[0]!
            .replace(/ \(sans objectif\)$/, '');
          d.check(
            `report ytd ${scope.slug} ${code} ${q}`,
            ytdShown,
            ytd.get(`${scope.slug}|${code}|${q.slice(0, 4)}`),
          );
        }
      }
      cleanup();
    }
    expect(d.list).toEqual([]);
    expect(d.count()).toBeGreaterThan(900);
  });

  it('the targets page: last year’s achieved value', async () => {
    const d = differences();
    for (const y of [2024, 2025, 2026]) {
      const file = await exported(`by=year&from=${y}Q1&to=${y}Q4`, bare);
      renderWithProviders(<TargetsPage />, {
        route: `/poles/${POLE}/objectifs/${y + 1}`,
        path: '/poles/:pole/objectifs/:year',
      });
      for (const scope of scopes) {
        const region = await screen.findByRole('region', { name: scope.name }, { timeout: 20_000 });
        const table = within(region).getByRole('table');
        for (const code of scope.indicators) {
          const shown = plain(cellsOf(table, label(code))[1]!.textContent).replace(
            / \(incomplet\)$/,
            '',
          );
          d.check(
            `targets ${y + 1} ${scope.slug} ${code}`,
            shown,
            file.get(`${scope.slug}|${code}|${y}`),
          );
        }
      }
      cleanup();
    }
    expect(d.list).toEqual([]);
    expect(d.count()).toBeGreaterThan(100);
  });
});

/** The data cells of the row headed `heading` (a row header's exact text) in `container`. */
function cellsOf(container: HTMLElement, heading: string): HTMLTableCellElement[] {
  const row = [...container.querySelectorAll('tr')].find(
    (tr) => plain(tr.querySelector('th[scope="row"]')?.textContent) === heading,
  );
  if (!row) throw new Error(`no row "${heading}"`);
  return [...row.querySelectorAll('td')];
}
