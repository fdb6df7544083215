import { lastCompleteQuarter, quarterLabel } from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// The CRESS's review, in real Chromium against the built app on a fresh demo database: the
// demo's last complete quarter of Hénin-Carvin is submitted. The CRESS sees it first on its
// home, opens its quality score with the keyboard, validates it through the confirmation (which
// shows the quarter's completeness); an admin reopens it from the report page with a reason.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = lastCompleteQuarter(new Date());
const label = quarterLabel(quarter, 'fr');
const POLE = 'PTCE Hénin-Carvin';
const visited: Array<{ page: string; violations: unknown[] }> = [];

async function audit(name: string) {
  visited.push({ page: name, violations: await seriousViolations(page) });
}

async function loginAs(email: string) {
  await page.goto(`${server.url}/connexion`);
  await submitLogin(page, email, server.passwords.get(email)!);
}

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-review-'));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the CRESS reviews a quarter, an admin reopens it, in Chromium', () => {
  it('the CRESS sees the submitted quarter first, with its quality', async () => {
    await loginAs('cress@hdf.demo');
    const pending = page.getByRole('region', { name: 'À valider' });
    await pending.waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toBe('À valider');
    expect(
      await pending.getByRole('link', { name: `${POLE} — ${label}` }).getAttribute('href'),
    ).toBe(`/poles/henin-carvin/rapport/${quarter}`);
    // A score opens on its parts with the keyboard.
    const score = pending.locator('summary').first();
    await score.waitFor();
    expect(await score.textContent()).toMatch(
      new RegExp(`^Qualité : \\d+/100 — ${POLE} ${label}$`),
    );
    await score.focus();
    await page.keyboard.press('Enter');
    await pending.getByText(/valeurs attendues saisies/).waitFor();
    await audit('accueil CRESS');
  });

  it('Valider asks for confirmation with the completeness; confirming validates', async () => {
    await page.getByRole('button', { name: `Valider ${POLE} ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: `Valider ${label} de ${POLE}` });
    await dialog.getByText(/^\d+\/\d+ valeurs attendues saisies/).waitFor();
    expect(await dialog.getByText(/alertes? d’atypie/).count()).toBe(1);
    expect(await dialog.getByText(/erreurs? acceptées? avec un motif/).count()).toBe(1);
    await screenshot(page, 'validate-confirmation');
    await audit('confirmation de validation');
    await dialog.getByRole('button', { name: 'Valider et verrouiller' }).click();
    await page.getByText(`${label} de ${POLE} : validé et verrouillé.`).waitFor();
    const reopen = page.getByRole('button', { name: `Rouvrir ${POLE} ${label}` });
    await reopen.waitFor();
    const cell = reopen.locator('xpath=ancestor::td[1]');
    expect(await cell.textContent()).toContain('Validé');
    expect(await page.getByRole('region', { name: 'À valider' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
  });

  it('an admin reopens the validated quarter from its report, with a reason', async () => {
    await loginAs('admin@ptce-suivi.demo');
    await page.goto(`${server.url}/poles/henin-carvin/rapport/${quarter}`);
    await page.getByRole('button', { name: `Rouvrir ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: `Rouvrir ${label} de ${POLE}` });
    await dialog.getByLabel('Motif').fill('Correction des ETP demandée par le pôle');
    await audit('rapport, réouverture');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText(`${label} de ${POLE} : rouvert, repassé en brouillon.`).waitFor();
    // Its values are all entered: a draft again, ready to submit (states follow the values).
    await page.locator('.report-meta').getByText('Brouillon', { exact: true }).waitFor();
    const events = await page.request.get(
      `${server.url}/api/poles/henin-carvin/periods/${quarter}/events`,
    );
    expect((await events.json()).events[0]).toMatchObject({
      action: 'reopen',
      fromStatus: 'validated',
      toStatus: 'draft',
      reason: 'Correction des ETP demandée par le pôle',
    });
  });

  it('axe finds no serious or critical violation on any page visited', () => {
    expect(visited.map((v) => v.page)).toEqual([
      'accueil CRESS',
      'confirmation de validation',
      'rapport, réouverture',
    ]);
    expect(visited.filter((v) => v.violations.length > 0)).toEqual([]);
  });
});
