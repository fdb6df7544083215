import { reminderAt } from '@ptce/shared/notifications';
import { lastCompleteQuarter, quarterLabel } from '@ptce/shared/periods';
import { draftDeadline } from '@ptce/shared/quality';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, submitLogin } from '../support/browser';
import { type RunningServer, startServer, tempDbFile } from '../support/start-server';

// Issue 14 in real Chromium on a fresh demo database (no SMTP server: everything stays in the
// app): the reminders of the demo poles' late quarter after seeding; the CRESS sends Hénin-Carvin's
// quarter back with a reason; its coordinator sees the notification with the reason in the
// header's count and the list, follows its link to the entry grid, finds it read; the
// preferences say that no e-mail is sent; the admin's outbox. Axe on every screen.

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
const quarter = lastCompleteQuarter(new Date());
const label = quarterLabel(quarter, 'fr');
const POLE = 'PTCE Hénin-Carvin';
const REASON = 'Les sorties IAE du trimestre ne correspondent pas au bilan ASP';
const visited: Array<{ page: string; violations: unknown[] }> = [];

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

/** The caller's notifications, through the API with the browser's session. */
async function notifications(): Promise<
  Array<{ kind: string; pole: { slug: string }; period: string; reason: string | null }>
> {
  const res = await page.request.get(`${server.url}/api/notifications`);
  expect(res.status()).toBe(200);
  return (await res.json()).notifications;
}

beforeAll(async () => {
  server = await startServer(tempDbFile('ptce-e2e-notifications-'));
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('notifications, in Chromium', () => {
  it('after seeding, the CRESS is told of the demo poles’ late quarter', async () => {
    await loginAs('cress@hdf.demo');
    // The demo leaves the last quarter in draft in the two demo poles (submitted in Hénin-Carvin).
    const now = new Date();
    const rules = {
      deadlineDays: 30,
      dueSoonDays: 7,
      overdueEveryDays: 7,
      overdueMax: 3,
      resubmitDays: 15,
    };
    const due = reminderAt(quarter, draftDeadline(quarter, rules, null), now, rules);
    const expected = due?.kind === 'overdue' ? ['demo-littoral', 'demo-sambre'] : [];
    await expect
      .poll(
        async () =>
          (await notifications())
            .filter((n) => n.kind === 'overdue' && n.period === quarter)
            .map((n) => n.pole.slug)
            .sort(),
        { timeout: 15_000 },
      )
      .toEqual(expected);
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    if (expected.length > 0) {
      const list = page.getByRole('list', { name: 'Notifications' });
      await list
        .getByText(`${label} de PTCE démo Littoral (fictif) devait être soumis`, { exact: false })
        .waitFor();
      await list
        .getByText(`${label} de PTCE démo Sambre (fictif) devait être soumis`, { exact: false })
        .waitFor();
    }
    await audit('notifications de la CRESS');
  });

  it('the CRESS sends the quarter back with a reason', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: `Renvoyer ${POLE} ${label}` }).click();
    const dialog = page.getByRole('dialog', { name: `Renvoyer ${label} de ${POLE} au pôle` });
    await dialog.getByLabel('Motif').fill(REASON);
    await dialog.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText(`${label} de ${POLE} : renvoyé au pôle.`).waitFor();
    await logout();
  });

  it('the coordinator sees it with the reason, and follows its link to the grid', async () => {
    await loginAs('coordination@henin-carvin.demo');
    await expect
      .poll(async () => (await notifications()).map((n) => `${n.kind} ${n.reason}`), {
        timeout: 15_000,
      })
      .toEqual([`sentBack ${REASON}`]);
    await page.reload();
    const entry = page.getByRole('link', { name: 'Notifications 1 non lue' });
    await entry.waitFor();
    await audit('en-tête avec une notification non lue');
    await entry.click();
    await page.waitForURL(/\/notifications$/);
    const item = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await item.getByRole('heading', { name: /Trimestre renvoyé en brouillon/ }).waitFor();
    await item.getByText('Non lue', { exact: true }).waitFor();
    await item
      .getByText(
        `${label} de ${POLE} a été renvoyé en brouillon par Sophie Vandamme (CRESS Hauts-de-France).`,
      )
      .waitFor();
    await item.getByText(`Motif : ${REASON}`).waitFor();
    await screenshot(page, 'notifications');
    await audit('notifications du pôle');

    await item.getByRole('link', { name: `Ouvrir la saisie de ${label}` }).click();
    await page.waitForURL(
      new RegExp(`/poles/henin-carvin/saisie/${quarter}/transition-ecologique$`),
    );
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Back on the list: read, and the header's count is gone.
    await expect
      .poll(async () =>
        (await page.request.get(`${server.url}/api/notifications/unread-count`)).json(),
      )
      .toEqual({ unread: 0 });
    await page.goto(`${server.url}/notifications`);
    await page.getByText('Aucune notification non lue.').waitFor();
    expect(await page.getByRole('link', { name: 'Notifications', exact: true }).count()).toBe(1);
    expect(await item.getByText('Non lue', { exact: true }).count()).toBe(0);
  });

  it('the preferences say this server sends no e-mail, and keep a choice', async () => {
    await page.getByRole('link', { name: 'Préférences' }).click();
    await page.getByText(/Ce serveur n’envoie pas d’e-mails/).waitFor();
    const sentBack = page.getByRole('group', { name: 'Trimestre renvoyé en brouillon' });
    await sentBack.getByLabel('Par e-mail, dans un résumé quotidien').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Préférences enregistrées.').waitFor();
    await audit('préférences');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(
      await page
        .getByRole('group', { name: 'Trimestre renvoyé en brouillon' })
        .getByLabel('Par e-mail, dans un résumé quotidien')
        .isChecked(),
    ).toBe(true);
    await audit('préférences à 390 px');
    await page.setViewportSize({ width: 1366, height: 900 });
    await logout();
  });

  it('the admin sees the outbox', async () => {
    await loginAs('admin@ptce-suivi.demo');
    await page.goto(`${server.url}/notifications?onglet=envois`);
    await page.getByRole('heading', { name: 'File d’envoi des e-mails' }).waitFor();
    await page
      .getByText('Ce serveur n’envoie pas d’e-mails (PTCE_SMTP_URL n’est pas réglé).')
      .waitFor();
    await page.getByText('Aucun e-mail.').waitFor();
    await audit('file d’envoi');
  });

  it('axe finds no serious or critical violation on any page visited', () => {
    expect(visited.map((v) => v.page)).toEqual([
      'notifications de la CRESS',
      'en-tête avec une notification non lue',
      'notifications du pôle',
      'préférences',
      'préférences à 390 px',
      'file d’envoi',
    ]);
    expect(visited.filter((v) => v.violations.length > 0)).toEqual([]);
  });
});
