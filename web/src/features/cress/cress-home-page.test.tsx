import { quarterRange } from '@ptce/shared/periods';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cressSession, HDF } from '../../testing/fixtures';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { CressHomePage } from './cress-home-page';

const poles = [
  { slug: 'henin-carvin', name: 'PTCE Hénin-Carvin', territory: 'CAHC', region: HDF },
  { slug: 'demo-littoral', name: 'PTCE démo Littoral', territory: 'Littoral', region: HDF },
];
const scopes = (filled: number) => [
  { scope: 'transition-ecologique', filled, expected: 20 },
  { scope: 'pole', filled, expected: 20 },
];

/** A tiny server: each pole's quarter states, changed by validate/reopen like the real one. */
/** The answer of a workflow action on henin-carvin's 2026Q3. */
const stateAfter = (status: string, reason: string | null) => ({
  period: '2026Q3',
  status,
  reason,
  updatedAt: '2026-11-29T10:00:00.000Z',
  updatedBy: 'Sophie',
});

function fakeServer(opts: { validate?: { status: number; json: unknown } } = {}) {
  const states = new Map<string, { status: string; reason: string | null }>([
    ['henin-carvin|2026Q3', { status: 'submitted', reason: null }],
  ]);
  const periods = (slug: string) => (_: unknown, url: URL) => ({
    json: {
      deadlineDays: 30,
      periods: quarterRange(url.searchParams.get('from')!, url.searchParams.get('to')!).map(
        (period) => {
          const s = states.get(`${slug}|${period}`) ?? {
            status: period < '2026Q3' ? 'validated' : 'draft',
            reason: null,
          };
          return {
            period,
            ...s,
            updatedAt: null,
            updatedBy: null,
            scopes: scopes(period === '2026Q4' ? 0 : 20),
          };
        },
      ),
    },
  });
  const calls = stubFetch({
    'GET /api/session': () => ({ json: cressSession }),
    'GET /api/poles': () => ({ json: { poles } }),
    'GET /api/poles/henin-carvin/periods': periods('henin-carvin'),
    'GET /api/poles/demo-littoral/periods': periods('demo-littoral'),
    'POST /api/poles/henin-carvin/periods/2026Q3/validate': () => {
      if (opts.validate) return opts.validate;
      states.set('henin-carvin|2026Q3', { status: 'validated', reason: null });
      return { json: stateAfter('validated', null) };
    },
    'POST /api/poles/henin-carvin/periods/2026Q3/reopen': (body) => {
      const reason = (body as { reason: string }).reason;
      states.set('henin-carvin|2026Q3', { status: 'draft', reason });
      return { json: stateAfter('draft', reason) };
    },
  });
  return calls;
}

freezeDate('2026-11-29T10:00:00Z');

const posts = (calls: Array<{ method: string; url: string; body: unknown }>) =>
  calls.filter((c) => c.method === 'POST').map((c) => ({ url: c.url, body: c.body }));

describe('CressHomePage', () => {
  it('shows the region grid and validates a submitted quarter with one click', async () => {
    const calls = fakeServer();
    renderWithProviders(<CressHomePage />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pôles de la région Hauts-de-France' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'État des trimestres par pôle — Hauts-de-France',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Pôle',
      'T2 2025',
      'T3 2025',
      'T4 2025',
      'T1 2026',
      'T2 2026',
      'T3 2026',
      'T4 2026 (en cours)',
    ]);
    expect(
      await screen.findByText('1 trimestre soumis attend votre validation.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Tableau de bord de PTCE Hénin-Carvin' }),
    ).toHaveAttribute('href', '/poles/henin-carvin');
    expect(
      screen.getByRole('link', { name: 'Rapport trimestriel de PTCE démo Littoral' }),
    ).toHaveAttribute('href', '/poles/demo-littoral/rapport');
    expect(screen.queryByRole('button', { name: /^Valider PTCE démo Littoral/ })).toBeNull();

    await userEvent.click(
      screen.getByRole('button', { name: 'Valider PTCE Hénin-Carvin T3 2026' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'T3 2026 de PTCE Hénin-Carvin : validé et verrouillé.',
    );
    expect(
      await screen.findByRole('button', { name: 'Rouvrir PTCE Hénin-Carvin T3 2026' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Valider PTCE Hénin-Carvin T3 2026' })).toBeNull();
    expect(
      await screen.findByText('Aucun trimestre en attente de validation.'),
    ).toBeInTheDocument();
    expect(posts(calls)).toEqual([
      { url: '/api/poles/henin-carvin/periods/2026Q3/validate', body: {} },
    ]);
  });

  it('sends a quarter back only with a written reason, shown afterwards as "à corriger"', async () => {
    const calls = fakeServer();
    renderWithProviders(<CressHomePage />);
    const sendBack = await screen.findByRole('button', {
      name: 'Renvoyer PTCE Hénin-Carvin T3 2026',
    });
    await userEvent.click(sendBack);
    const dialog = screen.getByRole('dialog', {
      name: 'Renvoyer T3 2026 de PTCE Hénin-Carvin au pôle',
    });
    const reason = within(dialog).getByLabelText('Motif');
    expect(reason).toHaveFocus();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    expect(
      within(dialog).getByText('Écrivez un motif d’au moins 3 caractères.'),
    ).toBeInTheDocument();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(posts(calls)).toEqual([]);

    await userEvent.type(reason, '  Commentaire manquant sur les ETP  ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status')).toHaveTextContent(
      'T3 2026 de PTCE Hénin-Carvin : renvoyé au pôle.',
    );
    expect(await screen.findByText('Motif : Commentaire manquant sur les ETP')).toBeInTheDocument();
    expect(screen.getAllByText('À corriger')).toHaveLength(1);
    expect(posts(calls)).toEqual([
      {
        url: '/api/poles/henin-carvin/periods/2026Q3/reopen',
        body: { reason: 'Commentaire manquant sur les ETP' },
      },
    ]);
  });

  it('closes the dialog with Escape, returning focus to the button that opened it', async () => {
    const calls = fakeServer();
    renderWithProviders(<CressHomePage />);
    const reopen = await screen.findByRole('button', {
      name: 'Rouvrir PTCE démo Littoral T2 2026',
    });
    await userEvent.click(reopen);
    expect(
      screen.getByRole('dialog', { name: 'Rouvrir T2 2026 de PTCE démo Littoral' }),
    ).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(reopen).toHaveFocus();
    expect(posts(calls)).toEqual([]);
  });

  it('shows the API’s French message when validation is refused', async () => {
    fakeServer({
      validate: {
        status: 422,
        json: {
          error: {
            code: 'INVALID_STATE',
            message: "Cette action n'est pas possible dans l'état actuel du trimestre.",
          },
        },
      },
    });
    renderWithProviders(<CressHomePage />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Valider PTCE Hénin-Carvin T3 2026' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Cette action n'est pas possible dans l'état actuel du trimestre.",
    );
    expect(screen.getByRole('button', { name: 'Valider PTCE Hénin-Carvin T3 2026' })).toBeEnabled();
  });
});
