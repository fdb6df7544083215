import fs from 'node:fs';
import { chromium } from 'playwright-core';

const url = 'http://127.0.0.1:3999';
const pw = Object.fromEntries(
  fs
    .readFileSync('/tmp/ptce-try/out.log', 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((a) => a[0]?.includes('@'))
    .map((a) => [a[0], a[1]]),
);
const ctx = await chromium.launchPersistentContext(fs.mkdtempSync('/tmp/chr-'), {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  locale: 'fr-FR',
  viewport: { width: 1366, height: 900 },
});
const page = await ctx.newPage();
async function login(email) {
  await page.goto(url + '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(pw[email]);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
}
async function shot(name, path, w = 1366) {
  await page.setViewportSize({ width: w, height: w === 1366 ? 900 : 844 });
  await page.goto(url + path);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${name}-${w}.png`, fullPage: false });
}
await login('bureau@henin-carvin.demo');
for (const w of [1366, 390]) {
  await shot('dashboard', '/poles/henin-carvin', w);
  await page.evaluate(() => document.querySelector('h2:nth-of-type(2)')?.scrollIntoView());
  await page
    .getByRole('button', { name: /^Part des personnes résidant en QPV/ })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/dashboard-qpv-${w}.png` });
  await page.getByRole('button', { name: /^Part des personnes résidant en QPV/ }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/dashboard-qpv-trend-${w}.png` });
  await shot('report', '/poles/henin-carvin/rapport/2026Q3', w);
  await page
    .getByRole('row', { name: /^Part des personnes résidant en QPV/ })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/report-qpv-${w}.png` });
  await shot('targets', '/poles/henin-carvin/objectifs/2026', w);
}
await page.getByRole('button', { name: 'Se déconnecter' }).click();
await login('coordination@henin-carvin.demo');
await shot('entry', '/poles/henin-carvin/saisie/2026Q4/pole', 1366);
await page
  .getByRole('textbox', { name: 'Ressources totales du pôle', exact: true })
  .fill('13 700,50');
await page
  .getByRole('textbox', { name: 'Financements publics obtenus', exact: true })
  .fill('20 000,5');
await page.waitForTimeout(800);
await page.screenshot({ path: `/tmp/shots/entry-rule-1366.png`, fullPage: true });
await ctx.close();
