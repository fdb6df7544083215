import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { cressSession } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { AdminPage } from './admin-page';

const adminSession = {
  user: {
    id: 5,
    email: 'admin@test.test',
    name: 'Admin',
    memberships: [{ role: 'admin', pole: null, region: null }],
  },
  expiresAt: null,
};
const region = { code: 'HDF', name: 'Hauts-de-France' };
const poles = [{ slug: 'henin-carvin', name: 'PTCE Hénin-Carvin', territory: 'CAHC', region }];
const existing = {
  id: 1,
  email: 'coord@hc.test',
  name: 'Camille',
  createdAt: '2026-11-01T10:00:00Z',
  disabledAt: null,
  memberships: [{ role: 'coordinator', pole: 'henin-carvin', region: null }],
};

function serve(extra: Parameters<typeof stubFetch>[0] = {}, session: unknown = adminSession) {
  const users = [existing];
  const calls = stubFetch({
    'GET /api/session': () => ({ json: session }),
    'GET /api/poles': () => ({ json: { poles } }),
    'GET /api/admin/regions': () => ({ json: { regions: [{ ...region, poles: 1 }] } }),
    'GET /api/users': () => ({ json: { users } }),
    'POST /api/users': (body) => {
      const b = body as { email: string; name: string; memberships: unknown[] };
      if (b.email === 'coord@hc.test')
        return {
          status: 409,
          json: { error: { code: 'CONFLICT', message: 'Cette adresse a déjà un compte.' } },
        };
      const user = {
        id: 9,
        email: b.email,
        name: b.name,
        createdAt: '2026-11-29T10:00:00Z',
        disabledAt: null,
        memberships: [{ role: 'board', pole: 'henin-carvin', region: null }],
      };
      users.push(user);
      return { status: 201, json: { user } };
    },
    ...extra,
  });
  return calls;
}

const writes = (calls: Array<{ method: string; url: string; body: unknown }>) =>
  calls
    .filter((c) => c.method !== 'GET')
    .map((c) => ({ method: c.method, url: c.url, body: c.body }));

describe('AdminPage — accounts', () => {
  it('checks the new account with the shared schema, then creates it with its role', async () => {
    const calls = serve();
    renderWithProviders(<AdminPage />, { route: '/admin?section=utilisateurs', path: '/admin' });
    expect(await screen.findByRole('rowheader', { name: 'Camille' })).toBeInTheDocument();
    expect(
      screen.getByRole('cell', { name: 'Coordination — PTCE Hénin-Carvin' }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByText('Créer un compte'));
    const form = screen.getByRole('button', { name: 'Créer le compte' }).closest('form')!;
    const f = within(form);
    await userEvent.click(f.getByRole('button', { name: 'Créer le compte' }));
    expect(f.getByText('Adresse électronique non valide.')).toBeInTheDocument();
    expect(f.getByText('Le mot de passe doit compter au moins 12 caractères.')).toBeInTheDocument();
    expect(f.getByLabelText('Nom')).toHaveAccessibleDescription('Le nom est obligatoire.');
    expect(writes(calls)).toEqual([]);

    await userEvent.type(f.getByLabelText('Adresse électronique'), 'Nouvelle@Pole.test');
    await userEvent.type(f.getByLabelText('Nom'), 'Dominique Martin');
    await userEvent.click(f.getByRole('button', { name: 'Générer un mot de passe' }));
    const password = (f.getByLabelText('Mot de passe') as HTMLInputElement).value;
    expect(password).toMatch(/^[a-zA-Z2-9]{16}$/);
    await userEvent.click(f.getByRole('button', { name: 'Ajouter un rôle' }));
    await userEvent.selectOptions(f.getByLabelText('Rôle 1'), 'Bureau');
    await userEvent.click(f.getByRole('button', { name: 'Créer le compte' }));
    expect(
      f.getByText(
        'Chaque rôle doit indiquer son pôle (coordination, bureau) ou sa région (CRESS).',
      ),
    ).toBeInTheDocument();
    expect(writes(calls)).toEqual([]);

    await userEvent.selectOptions(f.getByLabelText('Pôle du rôle 1'), 'PTCE Hénin-Carvin');
    await userEvent.click(f.getByRole('button', { name: 'Créer le compte' }));
    expect(await f.findByRole('status')).toHaveTextContent('Compte de Dominique Martin créé.');
    expect(writes(calls)).toEqual([
      {
        method: 'POST',
        url: '/api/users',
        body: {
          email: 'nouvelle@pole.test',
          name: 'Dominique Martin',
          password,
          memberships: [{ role: 'board', pole: 'henin-carvin' }],
        },
      },
    ]);
    expect(await screen.findByRole('rowheader', { name: 'Dominique Martin' })).toBeInTheDocument();
    expect(f.getByLabelText('Adresse électronique')).toHaveValue('');
  });

  it('shows the server’s refusal in French and keeps what was typed', async () => {
    serve();
    renderWithProviders(<AdminPage />, { route: '/admin?section=utilisateurs', path: '/admin' });
    await screen.findByRole('rowheader', { name: 'Camille' });
    await userEvent.click(screen.getByText('Créer un compte'));
    const f = within(screen.getByRole('button', { name: 'Créer le compte' }).closest('form')!);
    await userEvent.type(f.getByLabelText('Adresse électronique'), 'coord@hc.test');
    await userEvent.type(f.getByLabelText('Nom'), 'Doublon');
    await userEvent.type(f.getByLabelText('Mot de passe'), 'un-mot-de-passe-long');
    await userEvent.click(f.getByRole('button', { name: 'Créer le compte' }));
    expect(await f.findByRole('alert')).toHaveTextContent('Cette adresse a déjà un compte.');
    expect(f.getByLabelText('Nom')).toHaveValue('Doublon');
  });

  it('disables an account and says so', async () => {
    const calls = serve({
      'POST /api/admin/users/1/disable': () => ({
        json: { user: { ...existing, disabledAt: '2026-11-29T10:00:00Z' } },
      }),
    });
    renderWithProviders(<AdminPage />, { route: '/admin?section=utilisateurs', path: '/admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'Désactiver Camille' }));
    expect(await screen.findByText(/Compte de Camille désactivé/)).toBeInTheDocument();
    expect(writes(calls)).toEqual([
      { method: 'POST', url: '/api/admin/users/1/disable', body: {} },
    ]);
  });
});

describe('AdminPage — API tokens', () => {
  it('shows a new token’s secret once, with a copy button, then only its prefix', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const token = {
      id: 4,
      name: 'Export tableur',
      prefix: 'ptce_t_abcd',
      createdAt: '2026-11-29T10:00:00Z',
      lastUsedAt: null,
      expiresAt: '2027-02-27T10:00:00Z',
      revokedAt: null,
      canWrite: false,
    };
    const list: (typeof token)[] = [];
    const calls = serve(
      {
        'GET /api/tokens': () => ({ json: { tokens: list } }),
        'POST /api/tokens': () => {
          list.push(token);
          return { status: 201, json: { token, secret: 'ptce_t_abcdSECRET' } };
        },
      },
      cressSession,
    );
    renderWithProviders(<AdminPage />, { route: '/admin', path: '/admin' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Mes jetons d’API' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Sections de l’administration' })).toBeNull();
    expect(await screen.findByText('Aucun jeton.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Nom du jeton'), 'Export tableur');
    await userEvent.selectOptions(screen.getByLabelText('Validité'), '90 jours');
    await userEvent.click(screen.getByRole('button', { name: 'Créer le jeton' }));
    const secret = await screen.findByLabelText('Jeton secret');
    expect(secret).toHaveValue('ptce_t_abcdSECRET');
    expect(secret).toHaveFocus();
    expect(
      screen.getByText(/Copiez ce jeton maintenant : il ne sera plus jamais affiché/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Copier le jeton' }));
    expect(writeText).toHaveBeenCalledWith('ptce_t_abcdSECRET');
    expect(await screen.findByText('Jeton copié dans le presse-papiers.')).toBeInTheDocument();
    expect(writes(calls)).toEqual([
      { method: 'POST', url: '/api/tokens', body: { name: 'Export tableur', expiresInDays: 90 } },
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'J’ai copié le jeton' }));
    expect(screen.queryByLabelText('Jeton secret')).toBeNull();
    expect(screen.queryByText(/ptce_t_abcdSECRET/)).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('rowheader', { name: 'Export tableur' })).toBeInTheDocument(),
    );
    expect(screen.getByText('ptce_t_abcd…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Révoquer le jeton Export tableur' })).toBeEnabled();
  });
});
