import { currentQuarter, previousQuarter, quarterLabel } from '@ptce/shared/periods';
import type { HistoryEntry } from '@ptce/shared/values.schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogueBody } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

const PERIOD = currentQuarter(new Date());
const PREVIOUS = previousQuarter(PERIOD);
const SCOPE = 'mobilite-sociale';
const DEFINITION =
  'Personnes sorties du parcours IAE pendant le trimestre, quel qu’en soit le motif.';

const catalogue = {
  ...catalogueBody,
  indicators: catalogueBody.indicators.map((i) =>
    i.code === 'MS-SORTIES' ? { ...i, definitionFr: DEFINITION } : i,
  ),
};

const change = (extra: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  scope: SCOPE,
  indicator: 'MS-SORTIES',
  period: PERIOD,
  slice: '',
  oldValue: null,
  newValue: 1000,
  oldComment: null,
  newComment: null,
  version: 1,
  changedAt: '2026-10-02T08:00:00.000Z',
  changedBy: 'Camille Lefebvre',
  reason: null,
  ...extra,
});

/** The grid with MS-SORTIES stored twice this quarter and once the quarter before. */
function renderGrid() {
  const calls = stubFetch({
    ...readRoutes([
      stored('MS-SORTIES', 1234, { comment: 'Relevé ASP corrigé', version: 2 }),
      stored('MS-SORTIES', 10, { period: PREVIOUS, comment: 'Relevé ASP de septembre' }),
      stored('MS-SORTIES-POSITIVES', 4),
    ]),
    'GET /api/catalogue': () => ({ json: catalogue }),
    [`GET /api/poles/${POLE}/history`]: (_body, url) => ({
      json: {
        nextBefore: null,
        history:
          url.searchParams.get('indicator') === 'MS-SORTIES'
            ? [
                change({
                  id: 2,
                  oldValue: 1000,
                  newValue: 1234,
                  oldComment: null,
                  newComment: 'Relevé ASP corrigé',
                  version: 2,
                  changedAt: '2026-10-05T08:30:00.000Z',
                  reason: 'Doublons retirés du relevé',
                }),
                change({}),
              ]
            : [],
      },
    }),
  });
  renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
  return calls;
}

const historyCalls = (calls: Array<{ url: string }>, code: string) =>
  calls.filter((c) => c.url.startsWith(`/api/poles/${POLE}/history?indicator=${code}&`));
const plain = (el: HTMLElement) => (el.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
const panel = () => screen.findByRole('region', { name: /^Historique et commentaires — (.+)$/ });

describe('the cell side panel of the entry grid', () => {
  it('opens beside the grid from the row’s button with the definition, this quarter’s changes and the quarters before, in French', async () => {
    const calls = renderGrid();
    const user = userEvent.setup();
    const button = await screen.findByRole('button', { name: 'Historique — Sorties de parcours' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveAttribute('aria-keyshortcuts', 'Alt+H');
    await user.click(button);
    const region = await panel();
    expect(region).toHaveAccessibleName('Historique et commentaires — Sorties de parcours');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', region.id);
    expect(within(region).getByRole('heading', { level: 2 })).toHaveFocus();
    // the grid is still there, untouched
    expect(screen.getByRole('textbox', { name: 'Sorties de parcours' })).toHaveValue('1\u202f234');

    const body = within(region);
    expect(await body.findByText(DEFINITION)).toBeInTheDocument();
    expect(plain(region)).toContain('Valeur enregistrée1 234 pers.');
    expect(plain(region)).toContain('Commentaire« Relevé ASP corrigé »');

    const changes = await body.findAllByRole('listitem');
    expect(changes).toHaveLength(2);
    expect(plain(changes[0]!)).toMatch(/^05\/10\/2026 \d\d:30 — Camille Lefebvre/);
    expect(plain(changes[0]!)).toContain('1 000 pers. → 1 234 pers.');
    expect(plain(changes[0]!)).toContain('« Relevé ASP corrigé »');
    expect(plain(changes[0]!)).toContain('Motif de dérogation : Doublons retirés du relevé');
    // a first entry has no old value
    expect(plain(changes[1]!)).toContain('— → 1 000 pers.');
    expect(historyCalls(calls, 'MS-SORTIES').map((c) => c.url)).toEqual([
      `/api/poles/${POLE}/history?indicator=MS-SORTIES&scope=${SCOPE}&period=${PERIOD}&slice=`,
    ]);

    const before = body.getByRole('table');
    const prev = within(before).getByRole('row', {
      name: new RegExp(`^${quarterLabel(PREVIOUS, 'fr')}`),
    });
    expect(plain(prev)).toContain('10 pers.« Relevé ASP de septembre »');
    expect(within(before).getAllByRole('row')).toHaveLength(5);

    expect(body.getByRole('link', { name: 'Tout l’historique' })).toHaveAttribute(
      'href',
      `/poles/${POLE}/historique?indicator=MS-SORTIES&scope=${SCOPE}&period=${PERIOD}`,
    );

    await user.click(body.getByRole('button', { name: 'Fermer l’historique' }));
    expect(screen.queryByRole('region', { name: /Historique et commentaires/ })).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Sorties de parcours' })).toHaveFocus(),
    );
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens with Alt+H from the focused value, follows the focused row, caches each cell and closes with Escape back on the value', async () => {
    const calls = renderGrid();
    const user = userEvent.setup();
    const exits = await screen.findByRole('textbox', { name: 'Sorties de parcours' });
    await user.click(exits);
    await user.keyboard('{Alt>}h{/Alt}');
    const region = await panel();
    expect(region).toHaveAccessibleName('Historique et commentaires — Sorties de parcours');
    // the shortcut leaves focus in the grid and says where the panel is
    expect(exits).toHaveFocus();
    expect(exits).toHaveValue('1\u202f234');
    expect(
      screen.getByText(/^Historique de « Sorties de parcours » ouvert à côté de la grille/),
    ).toHaveAttribute('role', 'status');
    expect(await within(region).findAllByRole('listitem')).toHaveLength(2);

    // moving to the next value moves the panel with it
    await user.keyboard('{ArrowDown}');
    const lasting = screen.getByRole('textbox', { name: 'Sorties vers l’emploi durable' });
    expect(lasting).toHaveFocus();
    expect(await panel()).toHaveAccessibleName(
      'Historique et commentaires — Sorties vers l’emploi durable',
    );
    expect(
      await within(await panel()).findByText('Aucune modification enregistrée ce trimestre.'),
    ).toBeInTheDocument();

    expect(historyCalls(calls, 'MS-SORTIES-EMPLOI-DURABLE').length).toBeGreaterThan(0);

    // back to the first row: its history shows at once, from the cache
    await user.keyboard('{ArrowUp}');
    const again = screen.getByRole('region', { name: /Historique et commentaires/ });
    expect(again).toHaveAccessibleName('Historique et commentaires — Sorties de parcours');
    expect(within(again).queryByText('Chargement…')).toBeNull();
    expect(within(again).getAllByRole('listitem')).toHaveLength(2);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /Historique et commentaires/ })).toBeNull();
    expect(exits).toHaveFocus();
    // with the panel closed, moving around opens nothing
    await user.keyboard('{ArrowDown}');
    expect(screen.queryByRole('region', { name: /Historique et commentaires/ })).toBeNull();
  });

  it('opened from its button, Escape from inside the panel closes it and focus returns to the row’s value; another row’s button moves it', async () => {
    renderGrid();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Historique — Sorties positives' }));
    expect(await panel()).toHaveAccessibleName('Historique et commentaires — Sorties positives');
    await user.click(screen.getByRole('button', { name: 'Historique — Sorties de parcours' }));
    expect(await panel()).toHaveAccessibleName('Historique et commentaires — Sorties de parcours');
    expect(screen.getByRole('button', { name: 'Historique — Sorties positives' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Fermer l’historique' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: /Historique et commentaires/ })).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Sorties de parcours' })).toHaveFocus(),
    );
  });
});
