import { currentQuarter, quarterLabel } from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// The quarter's "faits marquants" in real Chromium against the built app on a fresh database:
// the coordinator writes the pole's and a group's text beside the grid, saves (the button, then
// Ctrl+S in the text), and the report shows both, on screen and in print; the board reads it.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = currentQuarter(new Date());
const label = quarterLabel(quarter, 'fr');
const ENTRY = `/poles/henin-carvin/saisie/${quarter}/mobilite-sociale`;
const REPORT = `/poles/henin-carvin/rapport/${quarter}`;
const POLE_TEXT = 'Forum de l’emploi à Carvin : 300 visiteurs.\n\nDeux nouveaux membres au pôle.';
const visited: Array<{ page: string; violations: unknown[] }> = [];

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function audit(name: string) {
  visited.push({ page: name, violations: await seriousViolations(page) });
}

async function loginAs(email: string) {
  await page.goto(`${server.url}/connexion`);
  await submitLogin(page, email, server.passwords.get(email)!);
}

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-narrative-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the quarter’s faits marquants, in Chromium', () => {
  it('the coordinator writes them beside the grid and saves with the button, then Ctrl+S', async () => {
    await page.setViewportSize({ width: 1500, height: 900 });
    await loginAs('coordination@henin-carvin.demo');
    await page.goto(`${server.url}${ENTRY}`);
    const panel = page.getByRole('region', { name: 'Faits marquants' });
    const poleText = panel.getByRole('textbox', { name: `Faits marquants du pôle — ${label}` });
    const scopeText = panel.getByRole('textbox', { name: 'Faits marquants — Mobilité sociale' });
    await poleText.waitFor();
    // Beside the grid, which keeps its whole width (no horizontal scrolling).
    const grid = await page.locator('.entry-grid').boundingBox();
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(grid!.x + grid!.width);
    expect(box!.y).toBeLessThan(grid!.y + grid!.height);

    await poleText.fill(POLE_TEXT);
    await scopeText.fill('Douze sorties vers l’emploi durable.');
    await expect
      .poll(async () => plain(await panel.locator('.narrative-counter').first().textContent()))
      .toBe(`${[...POLE_TEXT].length} / 10 000 caractères`);
    await audit('saisie avec faits marquants');
    await panel.getByRole('button', { name: 'Enregistrer les faits marquants' }).click();
    await panel.getByText('Faits marquants enregistrés.').waitFor();

    await scopeText.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Un atelier CV par mois.');
    await page.keyboard.press('Control+s');
    await panel.getByText('Faits marquants enregistrés.').waitFor();
    await screenshot(page, 'entry-narrative');

    await page.setViewportSize({ width: 390, height: 800 });
    const narrow = await poleText.boundingBox();
    expect(narrow!.x).toBeGreaterThanOrEqual(0);
    expect(narrow!.x + narrow!.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('the report shows them, on screen and in print', async () => {
    await page.goto(`${server.url}${REPORT}`);
    const section = page.getByRole('region', { name: 'Faits marquants', exact: true });
    await section.waitFor();
    expect(await section.getByRole('paragraph').allTextContents()).toEqual([
      'Forum de l’emploi à Carvin : 300 visiteurs.',
      'Deux nouveaux membres au pôle.',
    ]);
    const ms = page.getByRole('region', { name: 'Mobilité sociale' });
    await ms.getByText('Douze sorties vers l’emploi durable. Un atelier CV par mois.').waitFor();
    await audit('rapport');
    await page.emulateMedia({ media: 'print' });
    expect(await section.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    await screenshot(page, 'report-narrative-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
  });

  it('the board reads them in the report and cannot change them', async () => {
    await loginAs('bureau@henin-carvin.demo');
    await page.goto(`${server.url}${REPORT}`);
    await page
      .getByRole('region', { name: 'Faits marquants', exact: true })
      .getByText('Deux nouveaux membres au pôle.')
      .waitFor();
    const put = await page.request.put(
      `${server.url}/api/poles/henin-carvin/periods/${quarter}/narrative`,
      { headers: { origin: server.url }, data: { text: 'Non', version: 2 } },
    );
    expect(put.status()).toBe(403);
  });

  it('axe finds no serious or critical violation on the pages visited', () => {
    expect(visited.map((v) => v.page)).toEqual(['saisie avec faits marquants', 'rapport']);
    expect(visited.filter((v) => v.violations.length > 0)).toEqual([]);
  });
});
