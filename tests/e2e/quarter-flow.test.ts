import { currentQuarter, quarterLabel } from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// The acceptance of the web issue, in real Chromium against the built app on a fresh database:
// the coordinator fills the current quarter of Mobilité sociale (a breakdown, a comment, an E1
// error overridden with a reason), saves and submits; the board sees the value in the trend
// chart's tooltip; the CRESS validates; the coordinator's later edit is refused as locked.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = currentQuarter(new Date());
const label = quarterLabel(quarter, 'fr');
const ENTRY = `/poles/henin-carvin/saisie/${quarter}/mobilite-sociale`;
const visited: Array<{ page: string; violations: unknown[] }> = [];

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function audit(name: string) {
  visited.push({ page: name, violations: await seriousViolations(page) });
}

async function loginAs(email: string) {
  await page.goto(`${server.url}/connexion`);
  await submitLogin(page, email, server.passwords.get(email)!);
}

async function logout() {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/connexion/);
}

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-flow-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a quarter from entry to validation, in Chromium', () => {
  it('the coordinator fills a scope with a breakdown and a comment, overrides a rule error, saves and submits', async () => {
    await page.goto(`${server.url}/connexion`);
    await audit('connexion');
    await loginAs('coordination@henin-carvin.demo');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await audit('mon trimestre');

    await page.goto(`${server.url}${ENTRY}`);
    const total = page.getByRole('textbox', { name: 'Sorties de parcours', exact: true });
    await total.fill('5');
    await page.getByRole('button', { name: 'Ventilations — Sorties de parcours' }).click();
    await page.getByRole('textbox', { name: 'Sorties de parcours — Sexe : Femmes' }).fill('3');
    await page.getByRole('textbox', { name: 'Sorties de parcours — Sexe : Hommes' }).fill('2');
    await page
      .getByRole('textbox', { name: 'Commentaire — Sorties de parcours' })
      .fill('Relevé ASP du trimestre');
    await page.getByRole('textbox', { name: 'Sorties positives', exact: true }).fill('7');
    await expect
      .poll(() =>
        page
          .getByText(/Erreur E1/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page
      .getByRole('textbox', { name: 'Motif de dérogation — E1 — Sorties de parcours' })
      .fill('Deux sorties du trimestre précédent régularisées ici');
    await audit('saisie');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText(/Enregistré : \d+ valeurs?\./).waitFor();
    await screenshot(page, 'entry-grid');

    await page.getByRole('button', { name: 'Soumettre le trimestre' }).click();
    await page.getByRole('button', { name: 'Confirmer la soumission' }).click();
    await page.getByText(/Trimestre soumis/).waitFor();
    await logout();
  });

  it('the board sees the new value in the trend chart, its tooltip showing the typed value', async () => {
    await loginAs('bureau@henin-carvin.demo');
    await page.goto(`${server.url}/poles/henin-carvin?au=${quarter}`);
    await page
      .getByRole('region', { name: 'Mobilité sociale' })
      .getByRole('button', { name: /^Sorties de parcours/ })
      .click();
    const trend = page.getByRole('region', { name: 'Évolution — Sorties de parcours' });
    await trend.waitFor();
    const dot = trend.locator(`.trend-dot[data-period="${quarter}"]`).first();
    await dot.waitFor();
    await dot.hover();
    await expect
      .poll(async () => plain(await trend.locator('.recharts-tooltip-wrapper').textContent()))
      .toMatch(new RegExp(`${label}.*Valeur : 5 `));
    await screenshot(page, 'dashboard');
    await audit('tableau de bord');
    await logout();
  });

  it('the CRESS validates the quarter', async () => {
    await loginAs('cress@hdf.demo');
    const validate = page.getByRole('button', { name: `Valider PTCE Hénin-Carvin ${label}` });
    await validate.waitFor();
    await audit('accueil CRESS');
    await validate.click();
    await page
      .getByRole('dialog', { name: `Valider ${label} de PTCE Hénin-Carvin` })
      .getByRole('button', { name: 'Valider et verrouiller' })
      .click();
    await page.getByText(`${label} de PTCE Hénin-Carvin : validé et verrouillé.`).waitFor();
    await logout();
  });

  it('a later edit by the coordinator is refused as locked', async () => {
    await loginAs('coordination@henin-carvin.demo');
    await page.goto(`${server.url}${ENTRY}`);
    const total = page.getByRole('textbox', { name: 'Sorties de parcours', exact: true });
    await total.waitFor();
    expect(await total.inputValue()).toBe('5');
    expect(await total.isEditable()).toBe(false);
    await audit('saisie verrouillée');
    const put = await page.request.put(`${server.url}/api/poles/henin-carvin/values`, {
      headers: { origin: server.url },
      data: {
        period: quarter,
        entries: [{ scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 6, version: 1 }],
      },
    });
    expect(put.status()).toBe(423);
    expect((await put.json()).error.code).toBe('LOCKED');
  });

  it('axe finds no serious or critical violation on any page visited', () => {
    expect(visited.map((v) => v.page)).toEqual([
      'connexion',
      'mon trimestre',
      'saisie',
      'tableau de bord',
      'accueil CRESS',
      'saisie verrouillée',
    ]);
    expect(visited.filter((v) => v.violations.length > 0)).toEqual([]);
  });
});
