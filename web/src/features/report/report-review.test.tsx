import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody, poleDetail, poleRoutes } from '../../testing/fixtures';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { ReportPage } from './report-page';

const TE = 'transition-ecologique';
const scopes = [
  { slug: TE, name: 'Transition écologique', kind: 'group', indicators: ['TE-DECHETS-COLLECTES'] },
];
const WEIGHTS = { completeness: 50, timeliness: 20, outliers: 20, overridden: 10 };

/** The report of PTCE Test's 2025Q2 seen with `roles`, the quarter in `status`. */
function stubApi(roles: string[], status: 'submitted' | 'validated') {
  const pole = poleDetail({ slug: 'test', name: 'PTCE Test', territory: 'T', roles, scopes });
  let current = status;
  const calls = stubFetch({
    ...poleRoutes(pole, {
      values: { values: [] },
      targets: { year: 2025, targets: [] },
      periods: () =>
        periodsBody([
          periodState('2025Q2', {
            status: current,
            scopes: [{ scope: TE, filled: 1, expected: 1 }],
          }),
        ]),
    }),
    'GET /api/poles/test/periods/2025Q2/quality': () => ({
      json: {
        pole: 'test',
        deadlineDays: 30,
        weights: WEIGHTS,
        quality: {
          period: '2025Q2',
          status: current,
          completeness: { filled: 1, expected: 1 },
          timeliness: {
            status: 'onTime',
            deadline: '2025-07-30',
            submittedAt: '2025-07-10T09:00:00.000Z',
          },
          outliers: 0,
          warnings: 1,
          overridden: 0,
          parts: { completeness: 100, timeliness: 100, outliers: 100, overridden: 100 },
          score: 100,
        },
      },
    }),
    'POST /api/poles/test/periods/2025Q2/validate': () => {
      current = 'validated';
      return { json: { ...periodState('2025Q2'), status: 'validated' } };
    },
    'POST /api/poles/test/periods/2025Q2/reopen': () => {
      current = 'draft' as 'submitted';
      return { json: { ...periodState('2025Q2'), status: 'draft' } };
    },
  });
  return calls;
}

const render = () =>
  renderWithProviders(<ReportPage />, {
    path: '/poles/:pole/rapport/:period',
    route: '/poles/test/rapport/2025Q2',
  });
const posts = (calls: Array<{ method: string; url: string; body: unknown }>) =>
  calls.filter((c) => c.method === 'POST').map((c) => ({ url: c.url, body: c.body }));

describe('the review on the report page', () => {
  freezeDate('2025-08-14T10:00:00Z');

  it('lets the CRESS validate a submitted quarter through the confirmation, then offers to reopen it', async () => {
    const calls = stubApi(['cress'], 'submitted');
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Valider T2 2025' }));
    expect(screen.getByRole('button', { name: 'Renvoyer T2 2025 au pôle' })).toBeInTheDocument();
    const dialog = screen.getByRole('dialog', { name: 'Valider T2 2025 de PTCE Test' });
    expect(await within(dialog).findByText('1/1 valeur attendue saisie (100 %)')).toBeVisible();
    expect(within(dialog).getByText('1 avertissement au total')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Valider et verrouiller' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'T2 2025 de PTCE Test : validé et verrouillé.',
    );
    expect(await screen.findByRole('button', { name: 'Rouvrir T2 2025' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Valider T2 2025' })).toBeNull();
    expect(posts(calls)).toEqual([{ url: '/api/poles/test/periods/2025Q2/validate', body: {} }]);
  });

  it('lets an admin reopen a validated quarter with a reason, not validate', async () => {
    const calls = stubApi(['admin'], 'validated');
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Rouvrir T2 2025' }));
    const dialog = screen.getByRole('dialog', { name: 'Rouvrir T2 2025 de PTCE Test' });
    await userEvent.type(within(dialog).getByLabelText('Motif'), 'Erreur de saisie signalée');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent(
      'T2 2025 de PTCE Test : rouvert, repassé en brouillon.',
    );
    expect(posts(calls)).toEqual([
      {
        url: '/api/poles/test/periods/2025Q2/reopen',
        body: { reason: 'Erreur de saisie signalée' },
      },
    ]);
    await waitFor(() => expect(screen.queryByRole('button', { name: /Rouvrir/ })).toBeNull());
  });

  it('offers nothing to the board', async () => {
    stubApi(['board'], 'submitted');
    render();
    await screen.findByRole('heading', { level: 1, name: 'PTCE Test — T2 2025' });
    expect(screen.queryByRole('button', { name: /Valider|Renvoyer|Rouvrir/ })).toBeNull();
  });
});
