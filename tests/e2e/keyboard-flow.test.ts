import { currentQuarter, previousQuarter, quarterLabel } from '@ptce/shared/periods';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// The acceptance of issue 12, in Chromium on a fresh demo. At 1366 × 900, keyboard only (no
// mouse after `goto`): log in, Mon trimestre, the grid (values typed with Enter), a rule error,
// its reason, Ctrl+S, submit, back to Mon trimestre. The CRESS sends the quarter back; at
// 390 × 844 (taps allowed) the coordinator reads why on Mon trimestre, fixes a value and submits
// from the card; the CRESS validates on the phone. On every page: never wider than the window,
// axe without serious or critical violations, a screenshot in tests/artifacts.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = currentQuarter(new Date());
const label = quarterLabel(quarter, 'fr');
const POLE = 'PTCE Hénin-Carvin';
const COORDINATOR = 'coordination@henin-carvin.demo';
const CRESS = 'cress@hdf.demo';
const REASON = 'Sorties du trimestre précédent régularisées ici (convention ASP)';
const SEND_BACK = 'Merci de commenter les heures d’insertion';
const checked: Array<{ page: string; width: number; window: number; violations: unknown[] }> = [];

/** The page is no wider than the window, axe finds nothing serious, a screenshot is kept. */
async function check(name: string) {
  const { width, inner } = await page.evaluate((): { width: number; inner: number } => ({
    width: document.scrollingElement!.scrollWidth,
    inner: globalThis.innerWidth,
  }));
  checked.push({ page: name, width, window: inner, violations: await seriousViolations(page) });
  await screenshot(page, `keyboard-flow-${name}`);
}

const isFocused = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement).catch(() => false);

/** Presses Tab (Shift+Tab backwards) until `target` has focus; fails after `max` presses. */
async function tabTo(target: Locator, { back = false, max = 250 } = {}) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`focus never reached ${target}`);
}

/** What has focus, for the error messages. */
const focusedName = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent ?? el?.getAttribute('aria-label') ?? el?.tagName ?? '';
  });

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-keyboard-'));
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('dialog', (d) => d.accept());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the coordinator’s quarter by keyboard alone at 1366 × 900', () => {
  it('logs in and reaches Mon trimestre with the keyboard', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse électronique').waitFor();
    await check('connexion-1366');
    // The e-mail field has focus on load.
    expect(await isFocused(page.getByLabel('Adresse électronique'))).toBe(true);
    await page.keyboard.type(COORDINATOR);
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.passwords.get(COORDINATOR)!);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
    const quarterLink = page.getByRole('link', { name: 'Mon trimestre' });
    await tabTo(quarterLink);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mon trimestre' }).waitFor();
    await page.getByRole('link', { name: `Saisir — Mobilité sociale, ${label}` }).waitFor();
    await check('mon-trimestre-1366');
  });

  it('types the grid’s values with Enter, gives the E1 error its reason, saves with Ctrl+S', async () => {
    await tabTo(page.getByRole('link', { name: `Saisir — Mobilité sociale, ${label}` }));
    await page.keyboard.press('Enter');
    const first = page.getByRole('textbox', {
      name: "Salariés en parcours d'insertion",
      exact: true,
    });
    await first.waitFor();
    // Focus is on the first empty value: no Tab needed.
    await expect.poll(() => isFocused(first)).toBe(true);
    // The previous quarter's employees in integration, so that E2 and E3 hold.
    const before = await page.request.get(
      `${server.url}/api/poles/henin-carvin/values?scope=mobilite-sociale&from=${previousQuarter(quarter)}&to=${previousQuarter(quarter)}`,
    );
    const stored = (await before.json()).values as Array<{
      indicator: string;
      slice: string;
      value: number;
    }>;
    const employees = stored.find(
      (v) => v.indicator === 'MS-SALARIES-PARCOURS' && v.slice === '',
    )!.value;
    // Grid order; E1 broken: 1 + 1 + 6 positive or job exits for 5 exits.
    const values = [employees, 10, 5000, 5, 1, 1, 6, 120, 2];
    for (const v of values) {
      await page.keyboard.type(String(v));
      await page.keyboard.press('Enter');
    }
    const block = page.locator('.violation').filter({ hasText: 'Erreur E1' });
    await block.waitFor();
    const reason = page.getByRole('textbox', {
      name: 'Motif de dérogation — E1 — Sorties de parcours',
    });
    await tabTo(reason, { back: true });
    await page.keyboard.type(REASON);
    await check('saisie-1366');
    await page.keyboard.press('Control+s');
    await page.getByText(/Enregistré : \d+ valeurs\./).waitFor();
    expect(await page.getByText('Erreur E1 (dérogation)').first().isVisible()).toBe(true);
  });

  it('submits from the grid with the keyboard, then goes back to Mon trimestre', async () => {
    await tabTo(page.getByRole('button', { name: 'Soumettre le trimestre' }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Confirmer la soumission' });
    await expect.poll(() => isFocused(confirm)).toBe(true);
    await check('soumission-1366');
    await page.keyboard.press('Enter');
    await page.getByText(/Trimestre soumis/).waitFor();
    // Focus went to the quarter's state, not lost on the body.
    expect(await focusedName()).not.toBe('BODY');
    await tabTo(page.getByRole('link', { name: 'Mon trimestre' }), { back: true });
    await page.keyboard.press('Enter');
    const card = page.getByRole('region', { name: new RegExp(`^${label}`) });
    await card.getByText('Soumis').first().waitFor();
    expect(await card.getByRole('button', { name: /^Soumettre/ }).count()).toBe(0);
    await check('mon-trimestre-soumis-1366');
    await page.keyboard.press('Shift+Tab');
    await tabTo(page.getByRole('button', { name: 'Se déconnecter' }), { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/connexion/);
  });
});

describe('the CRESS’s review and the coordinator’s answer', () => {
  async function loginAs(email: string) {
    await page.goto(`${server.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(server.passwords.get(email)!);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  }
  async function logout() {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion/);
  }

  it('at 1366, the CRESS sends the quarter back with a reason', async () => {
    await loginAs(CRESS);
    const pending = page.getByRole('region', { name: 'À valider' });
    await pending.getByRole('button', { name: `Renvoyer ${POLE} ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: `Renvoyer ${label} de ${POLE} au pôle` });
    await dialog.getByLabel('Motif').fill(SEND_BACK);
    await check('renvoi-1366');
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText(`${label} de ${POLE} : renvoyé au pôle.`).waitFor();
    await check('accueil-cress-1366');
    await logout();
  });

  it('at 390, the coordinator reads why on Mon trimestre, fixes a value and submits from the card', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loginAs(COORDINATOR);
    await page.goto(`${server.url}/poles/henin-carvin/trimestres`);
    const card = page.getByRole('region', { name: new RegExp(`^${label}`) });
    const why = card.getByText(/^Renvoyé par la CRESS.* le .+ — motif : /);
    await why.waitFor();
    expect(await why.textContent()).toContain(SEND_BACK);
    await check('mon-trimestre-renvoye-390');

    await card.getByRole('link', { name: `Saisir — Mobilité sociale, ${label}` }).click();
    await page.getByText(/^Renvoyé par la CRESS/).waitFor();
    const comment = page.getByRole('textbox', {
      name: 'Commentaire — Heures travaillées en insertion',
    });
    const long =
      'Heures relevées sur les feuilles de temps des trois chantiers, dont 600 heures de formation ' +
      'en situation de travail comptées à part, comme le demande la convention signée en mars.';
    const oneLine = await comment.evaluate((el) => el.getBoundingClientRect().height);
    await comment.fill(long);
    // The comment box grows with its text: nothing hidden behind a scrollbar.
    const grown = await comment.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      scroll: el.scrollHeight,
      client: el.clientHeight,
    }));
    expect(grown.height).toBeGreaterThan(oneLine * 2);
    expect(grown.scroll).toBeLessThanOrEqual(grown.client + 1);
    await check('saisie-renvoyee-390');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré : 1 valeur.').waitFor();

    await page.goto(`${server.url}/poles/henin-carvin/trimestres`);
    await card.getByRole('button', { name: `Soumettre ${label}` }).click();
    await check('mon-trimestre-confirmation-390');
    await card.getByRole('button', { name: 'Confirmer la soumission' }).click();
    const done = page.getByText(new RegExp(`^${label} soumis à la CRESS`));
    await done.waitFor();
    expect(await isFocused(done)).toBe(true);
    await card.getByText('Soumis').first().waitFor();
    await check('mon-trimestre-soumis-390');
    await logout();
  });

  it('at 390, the CRESS validates the quarter', async () => {
    await loginAs(CRESS);
    const pending = page.getByRole('region', { name: 'À valider' });
    await pending.getByRole('button', { name: `Valider ${POLE} ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: `Valider ${label} de ${POLE}` });
    await dialog.getByText(/valeurs attendues saisies/).waitFor();
    await check('validation-390');
    await dialog.getByRole('button', { name: 'Valider et verrouiller' }).click();
    await page.getByText(`${label} de ${POLE} : validé et verrouillé.`).waitFor();
    await check('accueil-cress-390');
    const state = await page.request.get(
      `${server.url}/api/poles/henin-carvin/periods?from=${quarter}&to=${quarter}`,
    );
    expect((await state.json()).periods[0]).toMatchObject({
      status: 'validated',
      transition: { kind: 'validate', byRole: 'cress' },
    });
  });

  it('every page fits its window and axe finds no serious or critical violation', () => {
    expect(checked.map((c) => c.page)).toEqual([
      'connexion-1366',
      'mon-trimestre-1366',
      'saisie-1366',
      'soumission-1366',
      'mon-trimestre-soumis-1366',
      'renvoi-1366',
      'accueil-cress-1366',
      'mon-trimestre-renvoye-390',
      'saisie-renvoyee-390',
      'mon-trimestre-confirmation-390',
      'mon-trimestre-soumis-390',
      'validation-390',
      'accueil-cress-390',
    ]);
    expect(checked.filter((c) => c.width > c.window)).toEqual([]);
    expect(checked.filter((c) => c.violations.length > 0)).toEqual([]);
  });
});
