import { currentQuarter } from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue 12 point 1 in real Chromium against the built app: a rule violation involving four
// rows is shown once, with one reason box; the one reason saves the batch (200) and is in the
// history of each of the four values; a later refusal clears, block and summary, at the fix.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = currentQuarter(new Date());
const ENTRY = `/poles/henin-carvin/saisie/${quarter}/mobilite-sociale`;
const REASON = 'Quatre sorties du trimestre précédent régularisées ici';
const E1_TEXT = /Les sorties vers l’emploi durable, de transition et positives/;
const SUMMARY = /Des règles de cohérence ne sont pas respectées/;
const visited: Array<{ page: string; violations: unknown[] }> = [];

const input = (name: string) => page.getByRole('textbox', { name, exact: true });
const reasonBoxes = () => page.getByRole('textbox', { name: /Motif de dérogation/ });

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-one-reason-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('one reason per rule violation, in Chromium', () => {
  it('shows E1 over four rows once with one reason box; the one reason saves, in each history', async () => {
    await page.goto(`${server.url}/connexion`);
    const email = 'coordination@henin-carvin.demo';
    await submitLogin(page, email, server.passwords.get(email)!);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${server.url}${ENTRY}`);
    await input('Sorties de parcours').fill('5');
    await input("Sorties vers l'emploi durable").fill('4');
    await input('Sorties vers un emploi de transition').fill('3');
    await input('Sorties positives').fill('1');

    const blocks = page.locator('.violation', { hasText: E1_TEXT });
    await blocks.first().waitFor();
    expect(await blocks.count()).toBe(1);
    expect(await page.getByText(E1_TEXT).count()).toBe(1);
    expect(await reasonBoxes().count()).toBe(1);
    // the three other rows are marked, each linking to the block
    const marks = page.getByRole('link', { name: 'voir sous «\u00a0Sorties de parcours\u00a0»' });
    expect(await marks.count()).toBe(3);
    await marks.last().click();
    expect(await blocks.first().evaluate((el) => el === document.activeElement)).toBe(true);

    await reasonBoxes().fill(REASON);
    await page
      .getByText(/Erreur E1 \(dérogation\)/)
      .first()
      .waitFor();
    visited.push({ page: 'saisie, un motif', violations: await seriousViolations(page) });
    await screenshot(page, 'one-reason-block');
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/poles/henin-carvin/values'),
    );
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    expect((await answer).status()).toBe(200);
    await page.getByText(/Enregistré : 4 valeurs\./).waitFor();

    await page.goto(
      `${server.url}/poles/henin-carvin/historique?scope=mobilite-sociale&period=${quarter}`,
    );
    const tagged = page.getByRole('cell', { name: `[E1] ${REASON}`, exact: true });
    await tagged.first().waitFor();
    expect(await tagged.count()).toBe(4);
    visited.push({ page: 'historique', violations: await seriousViolations(page) });
  });

  it('a refused save shows the violation once; correcting the value clears block and summary', async () => {
    await page.goto(`${server.url}${ENTRY}`);
    await input('Sorties vers un emploi de transition').fill('4');
    const blocks = page.locator('.violation', { hasText: E1_TEXT });
    await blocks.first().waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(SUMMARY).waitFor();
    expect(await page.getByText(E1_TEXT).count()).toBe(1);
    expect(await reasonBoxes().count()).toBe(1);
    await screenshot(page, 'one-reason-refused');

    await input('Sorties de parcours').fill('9');
    await expect.poll(() => blocks.count()).toBe(0);
    expect(await page.getByText(SUMMARY).count()).toBe(0);
    expect(await reasonBoxes().count()).toBe(0);
    expect(await input('Sorties positives').getAttribute('aria-invalid')).toBeNull();
    visited.push({ page: 'saisie corrigée', violations: await seriousViolations(page) });
    const answer = page.waitForResponse((r) => r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    expect((await answer).status()).toBe(200);
  });

  it('axe finds no serious or critical violation on the pages visited', () => {
    expect(visited.map((v) => v.page)).toEqual([
      'saisie, un motif',
      'historique',
      'saisie corrigée',
    ]);
    expect(visited.filter((v) => v.violations.length > 0)).toEqual([]);
  });
});
