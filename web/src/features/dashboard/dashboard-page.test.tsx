import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  catalogueBody,
  periodState,
  periodsBody,
  poleDetail,
  poleRoutes,
  storedValue,
  targetEntry,
} from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { DashboardPage } from './dashboard-page';

const TE = 'transition-ecologique';
const value = (indicator: string, period: string, v: number) =>
  storedValue({ scope: TE, indicator, period, value: v });
const pole = poleDetail({
  slug: 'test',
  name: 'PTCE Test',
  territory: 'Territoire test',
  roles: ['board'],
  scopes: [
    {
      slug: TE,
      name: 'Transition écologique',
      kind: 'group',
      indicators: ['TE-DECHETS-COLLECTES', 'TE-DECHETS-REEMPLOI', 'TE-TAUX-VALORISATION'],
    },
  ],
});

function stubApi() {
  return stubFetch(
    poleRoutes(pole, {
      values: {
        values: [
          value('TE-DECHETS-COLLECTES', '2024Q2', 1000),
          value('TE-DECHETS-COLLECTES', '2025Q1', 800),
          value('TE-DECHETS-COLLECTES', '2025Q2', 1234.5),
          value('TE-DECHETS-REEMPLOI', '2025Q1', 200),
          value('TE-DECHETS-REEMPLOI', '2025Q2', 300),
        ],
      },
      targets: (url) => {
        const year = Number(url.searchParams.get('year'));
        const target = { scope: TE, indicator: 'TE-DECHETS-COLLECTES', year, value: 4069 };
        return { year, targets: year === 2025 ? [targetEntry(target)] : [] };
      },
      periods: periodsBody(
        ['2025Q1', '2025Q2', '2025Q3'].map((period, i) =>
          periodState(period, {
            status: i < 2 ? 'submitted' : 'draft',
            scopes: [{ scope: TE, filled: i < 2 ? 2 : 0, expected: 2 }],
          }),
        ),
      ),
    }),
  );
}

/** Text is compared with `textContent`, no-break spaces included: French numbers depend on them. */
const route = '/poles/test?du=2025Q1&au=2025Q3';

describe('DashboardPage', () => {
  it('shows a tile per tracked indicator with the latest value, change, target and completeness', async () => {
    const calls = stubApi();
    renderWithProviders(<DashboardPage />, { route, path: '/poles/:pole' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tableau de bord — PTCE Test' }),
    ).toBeInTheDocument();
    const scope = await screen.findByRole('region', { name: 'Transition écologique' });
    const tiles = within(scope).getAllByRole('button', { expanded: false });
    expect(tiles.map((t) => t.textContent?.split(/\d/)[0])).toEqual([
      'Tonnes collectées',
      'Tonnes réemployées',
      'Taux de valorisation',
    ]);
    const collected = within(scope).getByRole('button', { name: /^Tonnes collectées/ });
    expect(collected.textContent).toContain('1\u202f234,5\u00a0t T2 2025');
    expect(collected.textContent).toContain('+23,4\u202f% par rapport au T2 2024');
    expect(collected.textContent).toContain(
      'Objectif 2025 : 50\u202f% (2\u202f034,5\u00a0t sur 4\u202f069,0\u00a0t)',
    );
    // the ratio is recomputed from its parts: 300 ÷ 1 234,5
    expect(
      within(scope).getByRole('button', { name: /^Taux de valorisation/ }).textContent,
    ).toContain('24,3\u202f% T2 2025');
    expect(
      await screen.findByText('1 trimestre incomplet de T1 2025 à T3 2025 :'),
    ).toBeInTheDocument();
    expect(screen.getByText('T3 2025 — Transition écologique (0 sur 2)')).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toContain('/api/poles/test/series?from=2024Q1&to=2025Q3');
  });

  it('opens the trend of a tile with its data table, gaps left as "non saisi"', async () => {
    stubApi();
    const { router } = renderWithProviders(<DashboardPage />, { route, path: '/poles/:pole' });
    const tile = await screen.findByRole('button', { name: /^Tonnes collectées/ });
    await userEvent.click(tile);
    const trend = await screen.findByRole('region', {
      name: 'Évolution — Tonnes collectées',
    });
    expect(tile).toHaveAttribute('aria-expanded', 'true');
    expect(within(trend).getByRole('heading', { level: 3 })).toHaveFocus();
    expect(within(trend).getByRole('button', { name: 'Télécharger en PNG' })).toBeEnabled();
    expect(within(trend).getByRole('button', { name: 'Télécharger en SVG' })).toBeEnabled();
    await userEvent.click(within(trend).getByRole('button', { name: 'Tableau des données' }));
    const rows = within(within(trend).getByRole('table')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'PériodeValeurAnnée précédenteObjectif annuel ÷ 4',
      'T1 2025800,0\u00a0tnon saisi1\u202f017,3\u00a0t',
      'T2 20251\u202f234,5\u00a0t1\u202f000,0\u00a0t1\u202f017,3\u00a0t',
      'T3 2025non saisinon saisi1\u202f017,3\u00a0t',
    ]);
    await userEvent.click(within(trend).getByRole('radio', { name: 'Par année' }));
    expect(within(trend).getByRole('radio', { name: 'Par année' })).toBeChecked();
    expect(within(trend).getAllByRole('row')[1]?.textContent).toContain(
      '20252\u202f034,5\u00a0t (incomplet)1\u202f000,0\u00a0t4\u202f069,0\u00a0t',
    );
    expect(router.state.location.search).toContain('pas=annee');
    await userEvent.click(within(trend).getByRole('button', { name: /^Fermer/ }));
    expect(screen.queryByRole('region', { name: /^Évolution/ })).not.toBeInTheDocument();
    expect(tile).toHaveFocus();
  });

  it('ends the default range with the newest quarter holding values', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-08-14T10:00:00Z'));
    try {
      const calls = stubApi();
      renderWithProviders(<DashboardPage />, { route: '/poles/test', path: '/poles/:pole' });
      await screen.findByRole('region', { name: 'Transition écologique' });
      expect(calls.map((c) => c.url)).toEqual(
        expect.arrayContaining([
          '/api/poles/test/periods?from=2016Q1&to=2025Q3',
          '/api/poles/test/series?from=2021Q1&to=2025Q2',
        ]),
      );
      expect(screen.getByLabelText('Au')).toHaveValue('2025Q2');
      expect(screen.getByLabelText('Du')).toHaveValue('2022Q3');
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the API error in French, without a retry for a pole out of scope (404)', async () => {
    stubFetch({
      'GET /api/catalogue': () => ({ json: catalogueBody }),
      'GET /api/poles/test': () => ({
        status: 404,
        json: { error: { code: 'NOT_FOUND', message: 'Ce pôle est introuvable.' } },
      }),
    });
    renderWithProviders(<DashboardPage />, { route, path: '/poles/:pole' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce pôle est introuvable.');
    expect(screen.queryByRole('button', { name: 'Réessayer' })).not.toBeInTheDocument();
  });
});
