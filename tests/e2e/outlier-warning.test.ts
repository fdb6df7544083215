import { currentQuarter, previousQuarter } from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue 11, point 2, in real Chromium on the demo: a coordinator types ten times last quarter's
// insertion hours into the grid and sees the outlier warnings (O1–O3) quoting the history while
// typing, before saving; the warnings ask for no reason and the save goes through.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = currentQuarter(new Date());
const previous = previousQuarter(quarter);
const ENTRY = `/poles/henin-carvin/saisie/${quarter}/mobilite-sociale`;
const HOURS = 'MS-HEURES-INSERTION';

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const french = (n: number) => n.toLocaleString('fr-FR').replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-outlier-'));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an outlier warning while typing, in Chromium', () => {
  it('a coordinator types a ×10 value and sees the warning with its history before saving', async () => {
    await page.goto(`${server.url}/connexion`);
    const email = 'coordination@henin-carvin.demo';
    await submitLogin(page, email, server.passwords.get(email)!);
    await page.getByRole('heading', { level: 1 }).waitFor();

    const read = await page.request.get(
      `${server.url}/api/poles/henin-carvin/values?from=${previous}&to=${previous}&scope=mobilite-sociale&slice=`,
    );
    expect(read.status()).toBe(200);
    const { values } = (await read.json()) as {
      values: Array<{ indicator: string; value: number }>;
    };
    const last = values.find((v) => v.indicator === HOURS)?.value;
    expect(last).toBeGreaterThan(100);

    await page.goto(`${server.url}${ENTRY}`);
    const input = page.getByRole('textbox', {
      name: 'Heures travaillées en insertion',
      exact: true,
    });
    await input.waitFor();
    await input.fill(String(last! * 10));
    const warning = page.getByText(/Avertissement O2/).first();
    await warning.waitFor();
    const row = page.locator('.violation', { hasText: 'Avertissement O2' }).first();
    expect(plain(await row.textContent())).toContain(
      `plus du triple du trimestre précédent (${french(last!)} h)`,
    );
    const o1 = plain(
      await page.locator('.violation', { hasText: 'Avertissement O1' }).first().textContent(),
    );
    expect(o1).toMatch(
      /très au-dessus de la médiane des 8 derniers trimestres saisis \([\d ]+ h\)/,
    );
    expect(
      await page
        .getByText(/Avertissement O3/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'entry-outlier-warning');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(/Enregistré : \d+ valeurs?\./).waitFor();
  });
});
