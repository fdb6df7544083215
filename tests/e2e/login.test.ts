import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

let server: RunningServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-login-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('login in a real browser', () => {
  it('sends a visitor to /connexion, logs in, and returns to the asked page; English on request', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/poles/henin-carvin/historique`);
    await page.waitForURL(/\/connexion\?suite=/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Adresse électronique').fill('bureau@henin-carvin.demo');
    await page.getByLabel('Mot de passe').fill('mauvais');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('mot de passe incorrect');
    await page.getByLabel('Mot de passe').fill(server.passwords.get('bureau@henin-carvin.demo')!);
    await page.getByLabel('Mot de passe').press('Enter');
    await page.waitForURL(/\/poles\/henin-carvin\/historique$/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/connexion/);
    await page.close();
  });
});
