import type { SeriesPoint } from '@ptce/shared/aggregate-series';
import type { Series } from '@ptce/shared/figures/figures';
import { indicatorOf } from '@ptce/shared/test-fixtures/catalogue.fixture';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import { type ComparedUnit, compareUnits } from './comparison-rows';
import { ComparisonTable } from './comparison-table';

const series = (points: Record<string, number>): Series =>
  new Map(
    Object.entries(points).map(([period, value]): [string, SeriesPoint] => [
      period,
      {
        scope: 'x',
        indicator: 'x',
        slice: '',
        period,
        value,
        complete: period !== '2026Q3' || value !== 5,
      },
    ]),
  );
const unit = (slug: string, name: string, points?: Record<string, number>): ComparedUnit => ({
  slug,
  name,
  tracked: points !== undefined,
  series: points ? series(points) : undefined,
  before: undefined,
});

const TONNES = indicatorOf('TE-DECHETS-COLLECTES');
const comparison = compareUnits(
  TONNES,
  'quarter',
  ['2026Q1', '2026Q2', '2026Q3'],
  unit('', 'Région', { '2026Q2': 1010, '2026Q3': 1239.5 }),
  [
    unit('arras', 'Arras', { '2026Q1': 3, '2026Q2': 10, '2026Q3': 5 }),
    unit('henin', 'Hénin-Carvin', { '2026Q2': 1000, '2026Q3': 1234.5 }),
    unit('lens', 'Lens'),
  ],
);

function renderTable() {
  return renderWithProviders(
    <ComparisonTable
      indicator={TONNES}
      caption="Tonnes collectées par pôle"
      valueTitle="Valeur T3 2026"
      changeTitle="Évolution vs T2 2026"
      poles={comparison.poles}
      region={comparison.region}
      linkOf={(slug) => `/poles/${slug}`}
      span={{ from: 'T1 2026', to: 'T3 2026' }}
    />,
  );
}

/** The pole names of the body rows, in order. */
const order = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .getAllByRole('row')
    .map((row) => within(row).getByRole('rowheader').textContent);

describe('ComparisonTable', () => {
  it('shows each pole’s numbers the French way, with the unit, and links it to its dashboard', () => {
    renderTable();
    const henin = screen.getByRole('row', { name: /Hénin-Carvin/ });
    const cells = within(henin)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 3)).toEqual([
      '1\u202f234,5\u00a0t',
      '+23,4\u202f%',
      '2/32 périodes complètes sur 3',
    ]);
    expect(
      within(henin).getByRole('link', { name: 'Tableau de bord de Hénin-Carvin' }),
    ).toHaveAttribute('href', '/poles/henin');
    const arras = within(screen.getByRole('row', { name: /Arras/ })).getAllByRole('cell');
    expect(arras[0]!.textContent).toBe('5,0\u00a0t (incomplet)');
    expect(arras[1]!.textContent).toBe('\u221250,0\u202f%');
    expect(
      within(screen.getByRole('row', { name: /Lens/ })).getAllByRole('cell')[0]!.textContent,
    ).toBe('non suivi');
    const total = within(screen.getByRole('row', { name: /Total de la région/ })).getAllByRole(
      'cell',
    );
    expect(total[0]!.textContent).toBe('1\u202f239,5\u00a0t');
    expect(
      screen.getByRole('img', { name: 'Tendance de Arras, T1 2026 à T3 2026' }),
    ).toBeInTheDocument();
  });

  it('sorts by value, largest first, then by any column with the keyboard, saying so with aria-sort', async () => {
    renderTable();
    const header = (name: RegExp) => screen.getByRole('columnheader', { name });
    expect(order()).toEqual(['Hénin-Carvin', 'Arras', 'Lens']);
    expect(header(/Valeur T3 2026/)).toHaveAttribute('aria-sort', 'descending');
    expect(header(/^Pôle/)).not.toHaveAttribute('aria-sort');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Valeur T3 2026/ }));
    expect(order()).toEqual(['Arras', 'Hénin-Carvin', 'Lens']);
    expect(header(/Valeur T3 2026/)).toHaveAttribute('aria-sort', 'ascending');

    screen.getByRole('button', { name: /^Pôle/ }).focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['Arras', 'Hénin-Carvin', 'Lens']);
    expect(header(/^Pôle/)).toHaveAttribute('aria-sort', 'ascending');
    expect(header(/Valeur T3 2026/)).not.toHaveAttribute('aria-sort');
    await user.keyboard(' ');
    expect(order()).toEqual(['Lens', 'Hénin-Carvin', 'Arras']);
    expect(header(/^Pôle/)).toHaveAttribute('aria-sort', 'descending');

    await user.click(screen.getByRole('button', { name: /Évolution vs T2 2026/ }));
    expect(order()).toEqual(['Hénin-Carvin', 'Arras', 'Lens']);
    // Both have 2 complete quarters out of 3: by name then.
    await user.click(screen.getByRole('button', { name: /Complétude/ }));
    expect(order()).toEqual(['Arras', 'Hénin-Carvin', 'Lens']);
  });
});
