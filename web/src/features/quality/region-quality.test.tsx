import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HDF } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { RegionQuality } from './region-quality';

const quarter = (period: string, score: number | null, filled: number) => ({
  period,
  status: score === null ? 'draft' : 'validated',
  completeness: { filled, expected: 20 },
  timeliness: {
    status: score === null ? 'pending' : 'late',
    deadline: period === '2026Q3' ? '2026-10-30' : '2027-01-30',
    submittedAt: null,
  },
  outliers: 0,
  warnings: 0,
  overridden: 0,
  parts: {
    completeness: (100 * filled) / 20,
    timeliness: score === null ? null : 0,
    outliers: 100,
    overridden: 100,
  },
  score,
});

describe('RegionQuality', () => {
  it('shows a table pole × quarter whose scores open on their parts', async () => {
    const calls = stubFetch({
      'GET /api/regions/HDF/quality': () => ({
        json: {
          region: HDF,
          from: '2026Q3',
          to: '2026Q4',
          deadlineDays: 30,
          weights: { completeness: 50, timeliness: 20, outliers: 20, overridden: 10 },
          poles: [
            {
              slug: 'henin-carvin',
              name: 'PTCE Hénin-Carvin',
              quarters: [quarter('2026Q3', 65, 14), quarter('2026Q4', null, 3)],
            },
          ],
        },
      }),
    });
    renderWithProviders(<RegionQuality region="HDF" from="2026Q3" to="2026Q4" />);
    const table = await screen.findByRole('table', {
      name: 'Qualité des données par pôle et trimestre — Hauts-de-France',
    });
    expect(calls.map((c) => c.url)).toEqual(['/api/regions/HDF/quality?from=2026Q3&to=2026Q4']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Pôle', 'T3 2026', 'T4 2026']);
    expect(within(table).getByRole('link', { name: 'PTCE Hénin-Carvin' })).toHaveAttribute(
      'href',
      '/poles/henin-carvin',
    );
    const score = within(table).getByText('Qualité : 65/100');
    await userEvent.click(score);
    const details = score.closest('details')!;
    expect(within(details).getByText('14/20 valeurs attendues saisies (70 %)')).toBeVisible();
    expect(
      within(details).getByText('Non soumis, échéance du 30 octobre 2026 dépassée'),
    ).toBeVisible();
    const pending = within(table).getByText('Qualité : en cours');
    await userEvent.click(pending);
    expect(
      within(pending.closest('details')!).getByText('Échéance le 30 janvier 2027 : pas encore due'),
    ).toBeVisible();
    expect(within(pending.closest('details')!).getAllByText(/^ne compte pas/)).toHaveLength(1);
  });
});
