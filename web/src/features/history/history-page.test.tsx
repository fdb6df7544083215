import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody, poleDetail, poleRoutes } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { HistoryPage } from './history-page';

const POLE = 'henin-carvin';
const pole = poleDetail({
  slug: POLE,
  name: 'PTCE Hénin-Carvin',
  territory: 'CAHC',
  roles: ['board'],
  scopes: [
    {
      slug: 'mobilite-sociale',
      name: 'Mobilité sociale',
      kind: 'group',
      indicators: ['MS-SORTIES', 'MS-TAUX-SORTIES-DYNAMIQUES'],
    },
    { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: ['PTCE-RESSOURCES-TOTALES'] },
  ],
});
const entry = {
  id: 2,
  scope: 'mobilite-sociale',
  indicator: 'MS-SORTIES',
  period: '2026Q3',
  slice: 'sex=femme',
  oldValue: 1234,
  newValue: 1240,
  oldComment: 'provisoire',
  newComment: 'bilan ASP',
  version: 2,
  changedAt: '2026-10-05T08:30:00.000Z',
  changedBy: 'Camille Lefebvre',
  reason: 'Correction après bilan',
};

function renderHistory(route: string) {
  const calls = stubFetch(
    poleRoutes(pole, {
      periods: periodsBody(['2026Q2', '2026Q3'].map((period) => periodState(period))),
      history: { history: [entry] },
    }),
  );
  const view = renderWithProviders(<HistoryPage />, { route, path: '/poles/:pole/historique' });
  return { calls, ...view };
}

describe('HistoryPage', () => {
  it('shows who changed what, when and why, the French way', async () => {
    renderHistory(`/poles/${POLE}/historique?indicator=MS-SORTIES&scope=mobilite-sociale`);
    const table = await screen.findByRole('table', { name: '1 modification' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent(/05\/10\/2026 \d\d:30/);
    expect(row).toHaveTextContent('Sorties de parcours — Sexe : Femme');
    expect(row).toHaveTextContent('Mobilité sociale · T3 2026');
    expect(row.textContent).toContain('1\u202f234\u00a0pers. → 1\u202f240\u00a0pers.');
    expect(row).toHaveTextContent('« provisoire » → « bilan ASP »');
    expect(row).toHaveTextContent('Camille Lefebvre');
    expect(row).toHaveTextContent('Correction après bilan');
    expect(screen.getByLabelText('Indicateur')).toHaveValue('MS-SORTIES');
  });

  it('filters through the address; the total is `slice=`', async () => {
    const { calls, router } = renderHistory(`/poles/${POLE}/historique`);
    const user = userEvent.setup();
    await screen.findByRole('table');
    await user.selectOptions(screen.getByLabelText('Périmètre'), 'mobilite-sociale');
    await user.selectOptions(screen.getByLabelText('Indicateur'), 'MS-SORTIES');
    await user.selectOptions(screen.getByLabelText('Trimestre'), '2026Q3');
    await user.selectOptions(screen.getByLabelText('Ventilation'), 'Total');
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?indicator=MS-SORTIES&scope=mobilite-sociale&period=2026Q3&slice=',
      ),
    );
    const last = calls.filter((c) => c.url.includes('/history')).at(-1)!;
    expect(last.url).toBe(
      `/api/poles/${POLE}/history?indicator=MS-SORTIES&scope=mobilite-sociale&period=2026Q3&slice=`,
    );
    expect(
      screen.getByRole('link', {
        name: /Revenir à la grille de saisie \(T3 2026, Mobilité sociale\)/,
      }),
    ).toHaveAttribute('href', `/poles/${POLE}/saisie/2026Q3/mobilite-sociale`);
  });
});
