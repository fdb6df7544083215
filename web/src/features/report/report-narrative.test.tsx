import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody, poleDetail, poleRoutes } from '../../testing/fixtures';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { ReportPage } from './report-page';

const TE = 'transition-ecologique';
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
    { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: [] },
  ],
});

function stubApi(text: string) {
  return stubFetch({
    ...poleRoutes(pole, {
      values: { values: [] },
      targets: { year: 2025, targets: [] },
      periods: periodsBody([periodState('2025Q2', { status: 'validated' })]),
    }),
    'GET /api/poles/test/periods/2025Q2/narrative': () => ({
      json: {
        pole: 'test',
        period: '2025Q2',
        text,
        scopes: { [TE]: 'Nouvelle benne à Carvin.' },
        version: 2,
        updatedAt: '2025-07-01T08:00:00Z',
        updatedBy: 'Claire',
      },
    }),
  });
}

describe('the report’s faits marquants', () => {
  freezeDate('2025-08-14T10:00:00Z');

  it('shows the pole’s text as paragraphs under the facts, each group’s in its section', async () => {
    stubApi('Forum de l’emploi.\nTrois cents visiteurs.\n\nDeux nouveaux membres.');
    renderWithProviders(<ReportPage />, {
      route: '/poles/test/rapport',
      path: '/poles/:pole/rapport',
    });
    const section = await screen.findByRole('region', { name: 'Faits marquants' });
    const paragraphs = within(section)
      .getAllByRole('paragraph')
      .map((p) => p.textContent);
    expect(paragraphs).toEqual([
      'Forum de l’emploi.\nTrois cents visiteurs.',
      'Deux nouveaux membres.',
    ]);
    const te = screen.getByRole('region', { name: 'Transition écologique' });
    expect(within(te).getByRole('heading', { level: 3, name: 'Faits marquants' })).toBeVisible();
    expect(within(te).getByText('Nouvelle benne à Carvin.')).toBeVisible();
    const poleScope = screen.getByRole('region', { name: 'Pôle' });
    expect(within(poleScope).queryByText('Faits marquants')).toBeNull();
  });

  it('has no section when the pole wrote no text', async () => {
    stubApi('');
    renderWithProviders(<ReportPage />, {
      route: '/poles/test/rapport',
      path: '/poles/:pole/rapport',
    });
    await screen.findByRole('region', { name: 'Transition écologique' });
    expect(screen.queryByRole('region', { name: 'Faits marquants' })).toBeNull();
  });
});
