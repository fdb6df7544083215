import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  periodState,
  periodsBody,
  poleDetail,
  poleRoutes,
  storedValue,
  targetEntry,
} from '../../testing/fixtures';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { ReportPage } from './report-page';

const TE = 'transition-ecologique';
const value = (indicator: string, period: string, v: number, comment: string | null = null) =>
  storedValue({ scope: TE, indicator, period, value: v, comment });
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
      indicators: ['TE-DECHETS-COLLECTES'],
    },
  ],
});

function stubApi() {
  return stubFetch(
    poleRoutes(pole, {
      values: (url) => ({
        values:
          url.searchParams.get('to') === '2025Q2'
            ? [
                value('TE-DECHETS-COLLECTES', '2024Q2', 1000),
                value('TE-DECHETS-COLLECTES', '2025Q1', 800),
                value('TE-DECHETS-COLLECTES', '2025Q2', 1234.5, 'Nouvelle benne à Carvin.'),
              ]
            : [value('TE-DECHETS-COLLECTES', '2025Q1', 800)],
      }),
      targets: {
        year: 2025,
        targets: [
          targetEntry({ scope: TE, indicator: 'TE-DECHETS-COLLECTES', year: 2025, value: 4069 }),
        ],
      },
      periods: periodsBody(
        ['2025Q1', '2025Q2'].map((period) =>
          periodState(period, {
            status: period === '2025Q1' ? 'validated' : 'submitted',
            scopes: [{ scope: TE, filled: 1, expected: 1 }],
          }),
        ),
      ),
    }),
  );
}

const routes = {
  path: '/poles/:pole/rapport',
  extraRoutes: [{ path: '/poles/:pole/rapport/:period', element: <ReportPage /> }],
};

describe('ReportPage', () => {
  freezeDate('2025-08-14T10:00:00Z');

  it('reports the last complete quarter by default, with comparisons, target and comment', async () => {
    const calls = stubApi();
    renderWithProviders(<ReportPage />, { route: '/poles/test/rapport', ...routes });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'PTCE Test — T2 2025' }),
    ).toBeInTheDocument();
    expect(document.title).toContain('Rapport trimestriel T2 2025 — PTCE Test');
    const section = await screen.findByRole('region', { name: 'Transition écologique' });
    const table = within(section).getByRole('table', { name: 'Transition écologique — T2 2025' });
    const [head, row] = within(table).getAllByRole('row');
    expect(head?.textContent).toBe(
      'IndicateurT2 2025T1 2025T2 2024Évolution sur un anAnnée 2025 : réalisé / objectifTendance (8 trimestres)Commentaire',
    );
    const cells = within(row!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual([
      '1\u202f234,5\u00a0t',
      '800,0\u00a0t',
      '1\u202f000,0\u00a0t',
      '+23,4\u202f%',
      '2\u202f034,5\u00a0t / 4\u202f069,0\u00a0t (50\u202f%)',
    ]);
    expect(cells[6]).toBe('Nouvelle benne à Carvin.');
    expect(within(row!).getByRole('img')).toHaveAccessibleName(
      'Tendance de T2 2024 à T2 2025 : de 1\u202f000,0\u00a0t à 1\u202f234,5\u00a0t',
    );
    expect(screen.getByText('Soumis')).toBeInTheDocument();
    expect(screen.getByText('14 août 2025')).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toContain(
      '/api/poles/test/values?from=2023Q3&to=2025Q2&slice=&ratioTerms=true',
    );
  });

  it('prints with the button and changes quarter with the picker', async () => {
    stubApi();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { router } = renderWithProviders(<ReportPage />, {
      route: '/poles/test/rapport',
      ...routes,
    });
    await screen.findByRole('heading', { level: 1, name: 'PTCE Test — T2 2025' });
    await userEvent.click(screen.getByRole('button', { name: 'Imprimer' }));
    expect(print).toHaveBeenCalledOnce();
    await userEvent.selectOptions(screen.getByLabelText('Trimestre'), 'T1 2025');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'PTCE Test — T1 2025' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/poles/test/rapport/2025Q1');
    expect(await screen.findByText('Validé')).toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it('says so when the address names no quarter', async () => {
    stubApi();
    renderWithProviders(<ReportPage />, { route: '/poles/test/rapport/2025Q7', ...routes });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le trimestre « 2025Q7 » n’existe pas',
    );
  });
});
