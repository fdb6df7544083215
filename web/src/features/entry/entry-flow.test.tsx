import { currentQuarter } from '@ptce/shared/periods';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

const PERIOD = currentQuarter(new Date());

function renderGrid(routes: Parameters<typeof stubFetch>[0]) {
  const calls = stubFetch(routes);
  renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
  return calls;
}

describe('EntryPage — keyboard and flow', () => {
  it('opens with focus on the first empty value input', async () => {
    // the first two rows are entered: the third is where the work starts
    renderGrid(readRoutes([stored('MS-SALARIES-PARCOURS', 12), stored('MS-ENTREES-PARCOURS', 3)]));
    const hours = await screen.findByRole('textbox', { name: 'Heures travaillées en insertion' });
    await waitFor(() => expect(hours).toHaveFocus());
  });

  it('focuses nothing in a read-only (submitted) grid', async () => {
    renderGrid(readRoutes([], 'submitted'));
    await screen.findByRole('textbox', { name: 'Sorties de parcours' });
    expect(document.body).toHaveFocus();
  });

  it('counts a change with a problem once: 3 typed, 3 modifications', async () => {
    renderGrid(readRoutes([]));
    const user = userEvent.setup();
    await user.type(
      await screen.findByRole('textbox', { name: 'Heures travaillées en insertion' }),
      '10',
    );
    await user.type(screen.getByRole('textbox', { name: 'Sorties de parcours' }), '12,5');
    await user.type(screen.getByRole('textbox', { name: 'Entrées en parcours IAE' }), '3 4 5');
    expect(await screen.findByText('3 modifications non enregistrées')).toBeInTheDocument();
  });

  it('moves focus to the quarter’s state after “Confirmer la soumission”', async () => {
    let submitted = false;
    const routes = readRoutes([]);
    const periodsKey = Object.keys(routes).find(
      (k) => k.startsWith('GET') && k.endsWith('/periods'),
    )!;
    renderGrid({
      ...routes,
      [periodsKey]: () => ({
        json: periodsBody([
          periodState(PERIOD, {
            status: submitted ? 'submitted' : 'draft',
            scopes: [{ scope: 'mobilite-sociale', filled: 1, expected: 7 }],
          }),
        ]),
      }),
      [`POST /api/poles/${POLE}/periods/${PERIOD}/submit`]: () => {
        submitted = true;
        return { json: periodState(PERIOD, { status: 'submitted' }) };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Soumettre le trimestre' }));
    await user.click(screen.getByRole('button', { name: 'Confirmer la soumission' }));
    expect(
      await screen.findByText(/Trimestre soumis : les valeurs sont verrouillées/),
    ).toBeInTheDocument();
    const state = screen
      .getByText(/Trimestre soumis : les valeurs sont verrouillées/)
      .closest('[tabindex="-1"]');
    expect(state).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Soumettre le trimestre' })).toBeNull();
  });
});
