import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { keys } from '../../api/keys';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, savedBody, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

type Routes = Parameters<typeof stubFetch>[0];
type Put = { entries: Array<Record<string, unknown>> };

const session = (id: number) => ({
  user: { id, email: 'c@demo', name: 'Camille', memberships: [] },
  expiresAt: null,
});
const NOTICE = { name: 'Saisie non enregistrée restaurée' };
const exitsBox = () => screen.findByRole('textbox', { name: 'Sorties de parcours' });
const commentBox = () => screen.getByRole('textbox', { name: 'Commentaire — Sorties de parcours' });
const drafts = () => Object.keys(window.sessionStorage).filter((k) => k.startsWith('ptce:'));

/** The grid of user `user`, logged in before it loads (as RequireAuth guarantees). */
function renderGrid(routes: Routes, user = 7) {
  const calls = stubFetch(routes);
  const view = renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
  view.client.setQueryData(keys.session(), session(user));
  return { calls, ...view };
}

/** Types a value and a comment, then leaves the grid unsaved (as the 401 redirect does). */
async function typeAndLeave(routes: Routes) {
  const { unmount } = renderGrid(routes);
  const user = userEvent.setup();
  const exits = await exitsBox();
  await user.clear(exits);
  await user.type(exits, '7');
  await user.type(commentBox(), 'relevé ASP');
  unmount();
}

describe('EntryPage — unsaved draft across an expired session', () => {
  it('restores typed values and comments, says so, saves them on their version and forgets them', async () => {
    await typeAndLeave(readRoutes([stored('MS-SORTIES', 5)]));
    expect(drafts()).toHaveLength(1);
    const { calls } = renderGrid({
      ...readRoutes([stored('MS-SORTIES', 5)]),
      [`PUT /api/poles/${POLE}/values`]: (body) => ({ json: savedBody(body) }),
    });
    const exits = await exitsBox();
    expect(exits).toHaveValue('7');
    expect(commentBox()).toHaveValue('relevé ASP');
    expect(screen.getByRole('region', NOTICE)).toBeInTheDocument();
    expect(screen.getByText('1 modification non enregistrée')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect((calls.find((c) => c.method === 'PUT')!.body as Put).entries).toEqual([
      expect.objectContaining({
        indicator: 'MS-SORTIES',
        value: 7,
        comment: 'relevé ASP',
        version: 1,
      }),
    ]);
    expect(await screen.findByText(/Enregistré : 1 valeur\./)).toBeInTheDocument();
    expect(screen.queryByRole('region', NOTICE)).not.toBeInTheDocument();
    expect(drafts()).toEqual([]);
  });

  it('sends the version the draft was typed on, so a value changed meanwhile is a conflict', async () => {
    await typeAndLeave(readRoutes([stored('MS-SORTIES', 5)]));
    const { calls } = renderGrid({
      ...readRoutes([stored('MS-SORTIES', 9, { version: 2, updatedBy: 'Dominique Martin' })]),
      [`PUT /api/poles/${POLE}/values`]: () => ({
        status: 409,
        json: {
          error: {
            code: 'CONFLICT',
            message: 'Quelqu’un d’autre a modifié ces valeurs entre-temps.',
            issues: [
              {
                path: ['entries', 0, 'version'],
                code: 'stale_version',
                message: 'MS-SORTIES a été modifié.',
                scope: 'mobilite-sociale',
                indicator: 'MS-SORTIES',
                slice: '',
                yourVersion: 1,
                current: {
                  value: 9,
                  comment: null,
                  version: 2,
                  updatedAt: '2026-11-20T14:05:00.000Z',
                  updatedBy: 'Dominique Martin',
                },
              },
            ],
          },
        },
      }),
    });
    expect(await exitsBox()).toHaveValue('7');
    expect(
      screen.getByText(/1 valeur a été modifiée par quelqu’un d’autre depuis votre saisie/),
    ).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByRole('heading', { name: 'Valeurs modifiées par quelqu’un d’autre' });
    expect((calls.find((c) => c.method === 'PUT')!.body as Put).entries[0]).toMatchObject({
      value: 7,
      version: 1,
    });
    expect(drafts()).toHaveLength(1);
  });

  it('discards the restored draft on request, back to the stored values', async () => {
    await typeAndLeave(readRoutes([stored('MS-SORTIES', 5)]));
    renderGrid(readRoutes([stored('MS-SORTIES', 5)]));
    const exits = await exitsBox();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Abandonner cette saisie' }));
    expect(exits).toHaveValue('5');
    expect(commentBox()).toHaveValue('');
    expect(screen.queryByRole('region', NOTICE)).not.toBeInTheDocument();
    await waitFor(() => expect(drafts()).toEqual([]));
  });

  it('restores nothing for another user, nor into a submitted quarter', async () => {
    await typeAndLeave(readRoutes([stored('MS-SORTIES', 5)]));
    const other = renderGrid(readRoutes([stored('MS-SORTIES', 5)]), 8);
    expect(await exitsBox()).toHaveValue('5');
    expect(screen.queryByRole('region', NOTICE)).not.toBeInTheDocument();
    other.unmount();
    renderGrid(readRoutes([stored('MS-SORTIES', 5)], 'submitted'));
    expect(await exitsBox()).toHaveValue('5');
    expect(screen.queryByRole('region', NOTICE)).not.toBeInTheDocument();
    expect(drafts()).toHaveLength(1);
  });
});
