import { formatValue } from '@ptce/shared/format';
import {
  currentQuarter,
  lastCompleteQuarter,
  quarterLabel,
  quarterRange,
} from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue "one truth", in Chromium on a fresh demo: the QPV share (a ratio whose numerator is the
// `residence=qpv` slice) shows the export's number on its tile, in its chart (tooltip and data
// table) and in the report, for every quarter of the demo; typed decimals keep their digits.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const POLE = 'henin-carvin';
const LABEL = 'Part des personnes résidant en QPV';
const QPV = { decimals: 1, unit: 'percent' } as const;
const FIRST = '2023Q1';
const LAST = lastCompleteQuarter(new Date());
const QUARTERS = quarterRange(FIRST, LAST);
/** The text as a reader sees it: no-break spaces as spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
let fromExport: Map<string, string>;

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-truth-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${server.url}/connexion`);
  await submitLogin(
    page,
    'bureau@henin-carvin.demo',
    server.passwords.get('bureau@henin-carvin.demo')!,
  );
  const res = await page.request.get(
    `${server.url}/api/exports/values?format=json&level=scope&by=quarter&from=${FIRST}&to=${LAST}&poles=${POLE}`,
  );
  expect(res.status()).toBe(200);
  const rows = (await res.json()).rows as Array<Record<string, string | number | null>>;
  fromExport = new Map(
    rows
      .filter((r) => r.indicator === 'DS-PART-QPV' && r.slice === '')
      .map((r) => [String(r.period), plain(formatValue(r.value as number | null, QPV, 'fr'))]),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the QPV share shows the export’s number everywhere, in Chromium', () => {
  it('the export has it for every quarter of the demo', () => {
    expect(QUARTERS.map((q) => fromExport.get(q) ?? '—')).not.toContain('—');
  });

  it('on its tile, quarter by quarter', async () => {
    const shown: string[] = [];
    for (const q of QUARTERS) {
      await page.goto(`${server.url}/poles/${POLE}?du=${q}&au=${q}`);
      const tile = page
        .getByRole('region', { name: 'Développement social' })
        .getByRole('button', { name: new RegExp(`^${LABEL}`) });
      await tile.waitFor();
      shown.push(plain(await tile.locator('.tile-value strong').textContent()));
    }
    expect(shown).toEqual(QUARTERS.map((q) => fromExport.get(q)));
  });

  it('in its trend chart: the data table and the tooltip of the last point', async () => {
    await page.goto(`${server.url}/poles/${POLE}?du=${FIRST}&au=${LAST}`);
    await page
      .getByRole('region', { name: 'Développement social' })
      .getByRole('button', { name: new RegExp(`^${LABEL}`) })
      .click();
    const trend = page.getByRole('region', { name: `Évolution — ${LABEL}` });
    await trend.waitFor();
    const dot = trend.locator(`.trend-dot[data-period="${LAST}"]`).first();
    await dot.waitFor();
    await dot.hover();
    await expect
      .poll(async () => plain(await trend.locator('.recharts-tooltip-wrapper').textContent()))
      .toContain(`Valeur : ${fromExport.get(LAST)}`);
    await screenshot(page, 'dashboard-qpv');
    await trend.getByRole('button', { name: 'Tableau des données' }).click();
    const table = trend.getByRole('table');
    const values: string[] = [];
    for (const q of QUARTERS) {
      const row = table.getByRole('row', { name: new RegExp(`^${quarterLabel(q, 'fr')} `) });
      values.push(plain(await row.getByRole('cell').first().textContent()).replace(/ \(.*\)$/, ''));
    }
    expect(values).toEqual(QUARTERS.map((q) => fromExport.get(q)));
  });

  it('in the quarterly report, quarter by quarter', async () => {
    const shown: string[] = [];
    for (const q of QUARTERS) {
      await page.goto(`${server.url}/poles/${POLE}/rapport/${q}`);
      const row = page
        .getByRole('region', { name: 'Développement social' })
        .getByRole('row', { name: new RegExp(`^${LABEL}`) });
      await row.waitFor();
      shown.push(plain(await row.getByRole('cell').first().textContent()));
    }
    expect(shown).toEqual(QUARTERS.map((q) => fromExport.get(q)));
  });

  it('keeps typed decimals: 13 700,50 € and 2,0 ETP are shown so after saving', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
    const email = 'coordination@henin-carvin.demo';
    await submitLogin(page, email, server.passwords.get(email)!);
    const entry = `${server.url}/poles/${POLE}/saisie/${currentQuarter(new Date())}/pole`;
    await page.goto(entry);
    const money = page.getByRole('textbox', { name: 'Ressources totales du pôle', exact: true });
    const fte = page.getByRole('textbox', { name: 'Emplois des structures membres', exact: true });
    await money.fill('13 700,50');
    await fte.fill('2,0');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(/Enregistré : \d+ valeurs?\./).waitFor();
    expect(plain(await money.inputValue())).toBe('13 700,50');
    expect(plain(await fte.inputValue())).toBe('2,0');
    await page.reload();
    await money.waitFor();
    expect(plain(await money.inputValue())).toBe('13 700,50');
    expect(plain(await fte.inputValue())).toBe('2,0');
  });
});
