import fs from 'node:fs';
import path from 'node:path';
import { currentQuarter } from '@ptce/shared/periods';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations, submitLogin } from '../support/browser';
import { ROOT, type RunningServer, startServer, tempDbFile } from '../support/start-server';

// The entry grid's per-cell side panel in real Chromium against the built app on a fresh
// database: the coordinator saves a value with a comment, opens the panel from the value with
// Alt+H (keyboard only) and reads the change (who, when, old → new, comment) beside the grid,
// follows the next value, closes with Escape back on the value; then the same on a phone.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = currentQuarter(new Date());
const ENTRY = `/poles/henin-carvin/saisie/${quarter}/mobilite-sociale`;
const HOURS = 'Heures travaillées en insertion';
const COMMENT = 'Relevé ASP du trimestre, deux chantiers compris';

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const focused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
/** What the window shows (a full-page capture would misplace the fixed panel). */
async function viewportShot(name: string) {
  const dir = path.join(ROOT, 'tests/artifacts');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
const panelOf = (label: string) =>
  page.getByRole('region', { name: `Historique et commentaires — ${label}` });

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-cell-panel-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the cell side panel of the entry grid, in Chromium', () => {
  it('shows a saved change beside the grid from the value (Alt+H), follows the focus, closes with Escape back on the value', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/connexion`);
    await submitLogin(
      page,
      'coordination@henin-carvin.demo',
      server.passwords.get('coordination@henin-carvin.demo')!,
    );
    const me = await page.evaluate(async () => {
      const r = await fetch('/api/session');
      return ((await r.json()) as { user: { name: string } }).user.name;
    });
    await page.goto(`${server.url}${ENTRY}`);
    const hours = page.getByRole('textbox', { name: HOURS, exact: true });
    await hours.waitFor();
    const before = plain(await hours.inputValue());
    await hours.fill('1234');
    await page.getByRole('textbox', { name: `Commentaire — ${HOURS}` }).fill(COMMENT);
    await hours.focus();
    await page.keyboard.press('Control+s');
    await page.getByText(/Enregistré : \d+ valeurs?\./).waitFor();

    await hours.focus();
    await page.keyboard.press('Alt+h');
    const panel = panelOf(HOURS);
    await panel.waitFor();
    // the shortcut leaves focus on the value
    expect(await focused(hours)).toBe(true);
    const change = panel.getByRole('listitem').first();
    await change.waitFor();
    const text = plain(await change.textContent());
    expect(text).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d — /);
    expect(text.slice(0, 60)).toContain(` — ${me}`);
    expect(text).toContain(`${before ? `${before} h` : '—'} → 1 234 h`);
    expect(text).toContain(`« ${COMMENT} »`);
    expect(plain(await panel.textContent())).toContain(`Commentaire« ${COMMENT} »`);
    expect(await panel.getByRole('link', { name: 'Tout l’historique' }).getAttribute('href')).toBe(
      `/poles/henin-carvin/historique?indicator=MS-HEURES-INSERTION&scope=mobilite-sociale&period=${quarter}`,
    );

    // a drawer over the right of the window: the grid keeps its place and width
    const box = (await panel.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    expect(box.width).toBeLessThan(1366 / 2);
    expect(await seriousViolations(page)).toEqual([]);
    await viewportShot('cell-panel-1366');

    // the panel follows the value focused in the grid
    await page.keyboard.press('ArrowDown');
    await panelOf('Sorties de parcours').waitFor();
    await page.keyboard.press('ArrowUp');
    await panelOf(HOURS).waitFor();
    expect(await focused(hours)).toBe(true);

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await focused(hours)).toBe(true);
  });

  it('is a full-screen sheet on a phone, opened by its button and closed back on the value', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}${ENTRY}`);
    const hours = page.getByRole('textbox', { name: HOURS, exact: true });
    await hours.waitFor();
    await page.getByRole('button', { name: `Historique — ${HOURS}` }).click();
    const panel = panelOf(HOURS);
    await panel.getByRole('listitem').first().waitFor();
    expect(await focused(panel.getByRole('heading', { level: 2 }))).toBe(true);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(390);
    const close = panel.getByRole('button', { name: 'Fermer l’historique' });
    const target = (await close.boundingBox())!;
    expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(44);
    expect(await seriousViolations(page)).toEqual([]);
    await viewportShot('cell-panel-390');

    await close.click();
    await panel.waitFor({ state: 'detached' });
    expect(await focused(hours)).toBe(true);
  });
});
