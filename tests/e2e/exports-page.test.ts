import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue 11, point 6, in Chromium against the built app and the demo: the CRESS's exports page
// starts from validated quarters with French labels, its preview is the file's (French headers,
// `T1 2025`, `Validé`), it shows the rows by status, and the downloaded csv-fr is the French
// file. Axe clean, and usable at 390 px.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const CRESS = 'cress@hdf.demo';

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-exports-'));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the exports page, in Chromium', () => {
  it('a CRESS exports validated quarters with French labels, as the preview shows them', async () => {
    await page.goto(`${server.url}/connexion`);
    await submitLogin(page, CRESS, server.passwords.get(CRESS)!);
    await page.goto(`${server.url}/exports`);
    const states = page.getByRole('group', { name: 'Trimestres inclus' });
    await expect
      .poll(() => states.getByRole('checkbox', { name: 'Validé' }).isChecked())
      .toBe(true);
    expect(await states.getByRole('checkbox', { name: 'Brouillon' }).isChecked()).toBe(false);
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Code région' }).waitFor();
    const statuses = await table.locator('tbody tr td:nth-child(14)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Validé']));
    expect(await table.locator('tbody tr td:nth-child(10)').first().textContent()).toMatch(
      /^T[1-4] \d{4}$/,
    );
    await expect.poll(() => page.getByText(/^Brouillon : 0$/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'exports-cress');

    const link = page.getByRole('link', { name: 'Télécharger' });
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('format=csv-fr');
    expect(href).toContain('status=validated');
    expect(href).toContain('labels=fr');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/-validated-fr\.csv$/);
    const file = await download.path();
    const fs = await import('node:fs');
    const text = fs.readFileSync(file!, 'utf8');
    expect(text.startsWith('\uFEFFCode région;Région;')).toBe(true);
    expect(text).toContain(';Validé;');
    expect(text).not.toContain(';Brouillon;');

    // every state: the draft quarters come back, and the link says no filter
    await states.getByRole('checkbox', { name: 'Soumis' }).check();
    await states.getByRole('checkbox', { name: 'Brouillon' }).check();
    expect(await link.getAttribute('href')).not.toContain('status=');
  });

  it('works at 390 px: no page-wide horizontal scroll, the preview scrolls in its own region', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/exports`);
    await page.getByRole('table').getByRole('columnheader', { name: 'Valeur' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('checkbox', { name: 'Validé' }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Validé' }).isChecked()).toBe(false);
    await page.getByText('Choisissez au moins un état de trimestre.').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'exports-390');
  });
});
