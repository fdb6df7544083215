import fs from 'node:fs';
import { currentQuarter, yearOf } from '@ptce/shared/periods';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// An expired session in real Chromium against the built app: the server forgets the caller
// (the session cookie is cleared), the next save answers 401 UNAUTHENTICATED, the app sends to
// the login page, and after logging in again the unsaved input is back and can be saved.
// Same for the year's targets; the export download checks before saving anything.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const COORDINATOR = 'coordination@henin-carvin.demo';
const quarter = currentQuarter(new Date());
const year = yearOf(quarter);
const ENTRY = `/poles/henin-carvin/saisie/${quarter}/developpement-social`;
const TARGETS = `/poles/henin-carvin/objectifs/${year}`;
const NOTICE = { name: 'Saisie non enregistrée restaurée' };

const fillLogin = (email: string) => submitLogin(page, email, server.passwords.get(email)!);

/** Forgets the session as its expiry would: the next call answers 401. */
async function expireSession() {
  await page.context().clearCookies();
}

/** The app's answer to the 401: the login page, asking to come back to `path`. */
async function reloginTo(path: string) {
  await page.waitForURL(/\/connexion\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('suite')).toBe(path);
  expect(url.searchParams.get('expiree')).toBe('1');
  await page.getByText('Votre session a expiré').waitFor();
  await fillLogin(COORDINATOR);
  expect(new URL(page.url()).pathname).toBe(path);
}

const storedDrafts = () =>
  page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('ptce:')));

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-expired-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an expired session loses no typed input, in Chromium', () => {
  it('shows the pole menu on "Mon trimestre" to the coordinator of one pole', async () => {
    await page.goto(`${server.url}/connexion`);
    await fillLogin(COORDINATOR);
    const nav = page.getByRole('navigation', { name: 'Navigation du pôle' });
    await nav.getByRole('link', { name: 'Objectifs' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Tableau de bord',
      'Mon trimestre',
      'Importer',
      'Objectifs',
      'Rapport trimestriel',
      'Historique',
    ]);
  });

  it('brings the typed value and comment back after login on Ctrl+S, and saves them', async () => {
    await page.goto(`${server.url}${ENTRY}`);
    const hours = page.getByRole('textbox', { name: 'Heures de bénévolat', exact: true });
    const comment = page.getByRole('textbox', { name: 'Commentaire — Heures de bénévolat' });
    await hours.fill('321');
    await comment.fill('Feuilles de présence du trimestre');
    await expireSession();
    await page.keyboard.press('Control+s');
    await reloginTo(ENTRY);

    await hours.waitFor();
    expect(await hours.inputValue()).toBe('321');
    expect(await comment.inputValue()).toBe('Feuilles de présence du trimestre');
    await page.getByRole('region', NOTICE).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré : 1 valeur.').waitFor();
    expect(await page.getByRole('region', NOTICE).count()).toBe(0);
    expect(await storedDrafts()).toEqual([]);

    await page.reload();
    await hours.waitFor();
    expect(await hours.inputValue()).toBe('321');
    expect(await comment.inputValue()).toBe('Feuilles de présence du trimestre');
    expect(await page.getByRole('region', NOTICE).count()).toBe(0);
  });

  it('brings typed targets back after login, and saves them', async () => {
    await page.goto(`${server.url}${TARGETS}`);
    const target = page.getByRole('textbox', {
      name: `Objectif ${year} — Heures de bénévolat (Développement social)`,
    });
    await target.fill('1 500');
    await expireSession();
    await page.getByRole('button', { name: 'Enregistrer les objectifs' }).click();
    await reloginTo(TARGETS);

    await target.waitFor();
    expect(await target.inputValue()).toBe('1 500');
    await page.getByRole('region', NOTICE).waitFor();
    await page.getByRole('button', { name: 'Enregistrer les objectifs' }).click();
    await page.getByText('Enregistré : 1 objectif.').waitFor();
    expect(await storedDrafts()).toEqual([]);
    await page.reload();
    await target.waitFor();
    expect((await target.inputValue()).replace(/\s/g, '')).toBe('1500');
  });

  it('checks the export before downloading: an expired session logs in again, no error file', async () => {
    await page.goto(`${server.url}/exports`);
    await page.getByRole('table').waitFor();
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await expireSession();
    await page.getByRole('link', { name: 'Télécharger' }).click();
    await reloginTo('/exports');
    expect(downloads).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ptce-export-scope-quarter-.*-fr\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).not.toContain('"error"');
    expect(text.split('\n').length).toBeGreaterThan(2);
  });
});
