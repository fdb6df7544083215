import { formatValue } from '@ptce/shared/format';
import { lastCompleteQuarter, quarterFromIndex, quarterIndex } from '@ptce/shared/periods';
import type { RegionValuesResponse } from '@ptce/shared/region-values.schema';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue 11, point 1, in Chromium on a fresh demo: the CRESS opens its region's dashboard from
// its home, compares the poles on one indicator and sees the API's numbers, formatted the
// French way, then follows a pole's link to its dashboard. Axe-clean; at 390 px the page does
// not overflow.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const CRESS = 'cress@hdf.demo';
const TO = lastCompleteQuarter(new Date());
const FROM = quarterFromIndex(quarterIndex(TO) - 11);
const INDICATOR = 'PTCE-EMPLOIS-MEMBRES';
const LABEL = 'Emplois des structures membres';
const FTE = { decimals: 1, unit: 'fte' } as const;
const violations: Array<{ page: string; violations: unknown[] }> = [];
let answer: RegionValuesResponse;

async function audit(name: string) {
  violations.push({ page: name, violations: await seriousViolations(page) });
}

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-region-'));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The value shown for `slug` (or the region) at the compared period, as the API gives it. */
function expected(slug: string | null): string {
  const total = answer.total.series.find((s) => s.indicator === INDICATOR)!;
  const at = total.values.findLastIndex((v) => v !== null);
  const unit = slug === null ? answer.total : answer.poles.find((p) => p.slug === slug)!;
  const value = unit.series.find((s) => s.indicator === INDICATOR)!.values[at] ?? null;
  expect(value).not.toBeNull();
  return formatValue(value, FTE, 'fr');
}

describe('the region dashboard, in Chromium', () => {
  it('the CRESS opens it from its home', async () => {
    await page.goto(`${server.url}/connexion`);
    await submitLogin(page, CRESS, server.passwords.get(CRESS)!);
    await page.getByRole('link', { name: /^Tableau de bord de la région Hauts-de-France/ }).click();
    await page.waitForURL(/\/regions\/HDF$/);
    await page
      .getByRole('heading', { level: 1, name: 'Tableau de bord — Hauts-de-France' })
      .waitFor();
    await page
      .getByRole('region', { name: 'Vie des pôles (PTCE)' })
      .getByRole('button', { name: new RegExp(`^${LABEL}`) })
      .waitFor();
    await audit('tableau de bord régional');
  });

  it('compares the poles on one indicator with the API’s numbers, sorts them, and draws them', async () => {
    const res = await page.request.get(
      `${server.url}/api/regions/HDF/values?from=${FROM}&to=${TO}&by=quarter`,
    );
    expect(res.status()).toBe(200);
    answer = (await res.json()) as RegionValuesResponse;
    expect(answer.poles.map((p) => p.slug).sort()).toEqual([
      'demo-littoral',
      'demo-sambre',
      'henin-carvin',
    ]);

    const compare = page.getByRole('region', { name: 'Comparer les pôles' });
    await compare.getByRole('combobox', { name: 'Indicateur comparé' }).selectOption(INDICATOR);
    const table = compare.getByRole('table', { name: new RegExp(`^${LABEL} par pôle`) });
    await table.waitFor();
    const shownValue = async (row: RegExp) =>
      (await table.getByRole('row', { name: row }).getByRole('cell').first().textContent()) ?? '';
    expect(await shownValue(/PTCE Hénin-Carvin/)).toBe(expected('henin-carvin'));
    expect(await shownValue(/Total de la région/)).toBe(expected(null));
    expect(expected(null)).toMatch(/^\d[\d\u202f]*,\d\u00a0ETP$/);

    const byPole = table.getByRole('columnheader', { name: /^Pôle/ });
    await byPole.getByRole('button').click();
    await expect.poll(() => byPole.getAttribute('aria-sort')).toBe('ascending');
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    // Accessible names are matched with their white space normalised.
    const spaced = expected('henin-carvin').replace(/[\u00a0\u202f]/g, ' ');
    await expect
      .poll(() =>
        compare
          .getByRole('img', {
            name: new RegExp(`^${LABEL}, .*PTCE Hénin-Carvin ${spaced}`),
          })
          .count(),
      )
      .toBe(1);
    await audit('comparaison des pôles');
    await screenshot(page, 'region-dashboard-1366');
  });

  it('fits 390 px: the table scrolls in its box, the page does not overflow', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('region', { name: 'Comparer les pôles' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'region-dashboard-390');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await audit('tableau de bord régional, 390 px');
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('a pole’s link opens its dashboard over the same range', async () => {
    await page
      .getByRole('region', { name: 'Comparer les pôles' })
      .getByRole('link', { name: 'Tableau de bord de PTCE Hénin-Carvin' })
      .click();
    await page.waitForURL(new RegExp(`/poles/henin-carvin\\?du=${FROM}&au=${TO}$`));
    await page
      .getByRole('heading', { level: 1, name: 'Tableau de bord — PTCE Hénin-Carvin' })
      .waitFor();
  });

  it('has no serious accessibility violation', () => {
    expect(violations.filter((v) => v.violations.length > 0)).toEqual([]);
  });
});
