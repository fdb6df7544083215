import type { Notification, Preferences } from '@ptce/shared/notifications.schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../api/keys';
import { loadNamespaces } from '../../app/i18n';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { NotificationsLink } from './notifications-link';
import { NotificationsPage } from './notifications-page';

beforeAll(() => loadNamespaces(['notifications']));

const POLE = { slug: 'henin-carvin', name: 'PTCE Hénin-Carvin' };
const note = (over: Partial<Notification>): Notification => ({
  id: 1,
  kind: 'sentBack',
  pole: POLE,
  period: '2026Q3',
  reason: null,
  actor: 'Claire (CRESS)',
  deadline: null,
  daysLate: null,
  changes: null,
  link: '/poles/henin-carvin/saisie/2026Q3/transition-ecologique',
  createdAt: '2026-11-29T10:00:00.000Z',
  readAt: null,
  ...over,
});
/** The notifications shown (not the section links, also list items). */
const shown = async () =>
  within(await screen.findByRole('list', { name: 'Notifications' })).getAllByRole('listitem');

const NOTES = [
  note({ id: 3, reason: 'Les sorties IAE ne tiennent pas.' }),
  note({
    id: 2,
    kind: 'overdue',
    actor: null,
    deadline: '2026-10-30',
    daysLate: 30,
    readAt: '2026-11-20T08:00:00.000Z',
  }),
  note({ id: 1, kind: 'validated', period: '2026Q2', link: '/poles/henin-carvin/rapport/2026Q2' }),
];
const prefs = (over: Partial<Preferences> = {}): Preferences => ({
  mailEnabled: false,
  email: 'coord@hc.test',
  lang: 'fr',
  kinds: {
    dueSoon: 'email',
    overdue: 'email',
    submitted: 'email',
    validated: 'email',
    sentBack: 'email',
    reopened: 'email',
    importApplied: 'email',
  },
  relevant: ['dueSoon', 'overdue', 'validated', 'sentBack', 'reopened', 'importApplied'],
  ...over,
});

function renderPage(route = '/notifications', preferences = prefs()) {
  const calls = stubFetch({
    'GET /api/notifications': (_b, url) => ({
      json: {
        notifications: url.searchParams.get('unread') === 'true' ? [NOTES[0]] : NOTES,
        unread: 2,
        nextBefore: null,
      },
    }),
    'GET /api/poles': () => ({ json: { poles: [] } }),
    'POST /api/notifications/read': () => ({ json: { marked: 1, unread: 1 } }),
    'GET /api/notifications/preferences': () => ({ json: preferences }),
    'PUT /api/notifications/preferences': (body) => {
      const b = body as Pick<Preferences, 'lang' | 'kinds'>;
      return {
        json: { ...preferences, lang: b.lang, kinds: { ...preferences.kinds, ...b.kinds } },
      };
    },
  });
  const view = renderWithProviders(<NotificationsPage />, {
    route,
    path: '/notifications',
    extraRoutes: [{ path: '/poles/:pole/saisie/:period/:scope', element: <p>Grille</p> }],
  });
  view.client.setQueryData(keys.session(), {
    user: { id: 1, email: 'coord@hc.test', name: 'Camille', memberships: [] },
    expiresAt: null,
  });
  return { calls, ...view };
}

describe('NotificationsPage — the list', () => {
  it('tells each notification with its pole, quarter, reason and link', async () => {
    renderPage();
    const items = await shown();
    expect(items).toHaveLength(3);
    const first = within(items[0]!);
    expect(
      first.getByRole('heading', { name: /Trimestre renvoyé en brouillon\s*Non lue/ }),
    ).toBeTruthy();
    expect(
      first.getByText(
        'T3 2026 de PTCE Hénin-Carvin a été renvoyé en brouillon par Claire (CRESS).',
      ),
    ).toBeTruthy();
    expect(first.getByText('Motif : Les sorties IAE ne tiennent pas.')).toBeTruthy();
    expect(
      first.getByRole('link', { name: 'Ouvrir la saisie de T3 2026' }).getAttribute('href'),
    ).toBe('/poles/henin-carvin/saisie/2026Q3/transition-ecologique');
    expect(
      within(items[1]!).getByText(
        'T3 2026 de PTCE Hénin-Carvin devait être soumis au plus tard le 30 octobre 2026 : 30 jours de retard.',
      ),
    ).toBeTruthy();
    expect(within(items[1]!).queryByRole('button', { name: 'Marquer comme lue' })).toBeNull();
    expect(
      within(items[2]!).getByRole('link', { name: 'Ouvrir le rapport de T2 2026' }),
    ).toBeTruthy();
    expect(screen.getByText('2 notifications non lues.')).toBeTruthy();
  });

  it('marks one read, all read, and following a link marks it read', async () => {
    const { calls, router } = renderPage();
    const items = await shown();
    await userEvent.click(within(items[2]!).getByRole('button', { name: 'Marquer comme lue' }));
    await userEvent.click(screen.getByRole('button', { name: 'Tout marquer comme lu' }));
    await userEvent.click(within(items[0]!).getByRole('link', { name: /Ouvrir la saisie/ }));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
        { ids: [1] },
        {},
        { ids: [3] },
      ]),
    );
    expect(router.state.location.pathname).toBe(
      '/poles/henin-carvin/saisie/2026Q3/transition-ecologique',
    );
  });

  it('filters through the address', async () => {
    const { calls, router } = renderPage();
    await shown();
    await userEvent.selectOptions(screen.getByLabelText('Afficher'), 'Non lues');
    await waitFor(async () => expect(await shown()).toHaveLength(1));
    expect(router.state.location.search).toBe('?non-lues=1');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'Trimestre en retard');
    await waitFor(() =>
      expect(calls.at(-1)?.url).toBe('/api/notifications?unread=true&kind=overdue'),
    );
  });
});

describe('NotificationsPage — preferences', () => {
  it('says that this server sends no e-mail, and saves each kind’s choice', async () => {
    const { calls } = renderPage('/notifications?onglet=preferences');
    expect(await screen.findByText(/Ce serveur n’envoie pas d’e-mails/)).toBeTruthy();
    const overdue = screen.getByRole('group', { name: 'Trimestre en retard' });
    await userEvent.click(within(overdue).getByLabelText('Par e-mail, dans un résumé quotidien'));
    await userEvent.selectOptions(screen.getByLabelText('Langue des e-mails'), 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Préférences enregistrées.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({
      lang: 'en',
      kinds: {
        dueSoon: 'email',
        overdue: 'digest',
        validated: 'email',
        sentBack: 'email',
        reopened: 'email',
        importApplied: 'email',
      },
    });
    expect(screen.queryByRole('group', { name: 'Trimestre soumis' })).toBeNull();
  });

  it('gives the address e-mails go to when the server sends them', async () => {
    renderPage('/notifications?onglet=preferences', prefs({ mailEnabled: true }));
    expect(await screen.findByText('Les e-mails partent à coord@hc.test.')).toBeTruthy();
  });
});

describe('NotificationsLink', () => {
  it('shows the unread count in its name and badge', async () => {
    stubFetch({ 'GET /api/notifications/unread-count': () => ({ json: { unread: 3 } }) });
    renderWithProviders(<NotificationsLink />);
    const link = await screen.findByRole('link', { name: 'Notifications 3 non lues' });
    expect(link.getAttribute('href')).toBe('/notifications');
    expect(link.querySelector('.unread-count')?.textContent).toBe('3');
  });
});
