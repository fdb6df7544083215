import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { LoginPage, safeNext } from './login-page';

const user = {
  id: 1,
  email: 'c@p.test',
  name: 'Camille',
  memberships: [{ role: 'coordinator', pole: 'henin-carvin', region: null }],
};

describe('LoginPage', () => {
  it('puts focus in the e-mail field on load', async () => {
    stubFetch({
      'GET /api/session': () => ({
        status: 401,
        json: { error: { code: 'UNAUTHENTICATED', message: 'Connexion requise.' } },
      }),
    });
    renderWithProviders(<LoginPage />, { route: '/connexion', path: '/connexion' });
    expect(await screen.findByLabelText('Adresse électronique')).toHaveFocus();
  });

  it('shows the French error of the envelope on bad credentials, then logs in and returns to the asked page', async () => {
    let attempts = 0;
    stubFetch({
      'GET /api/session': () => ({
        status: 401,
        json: { error: { code: 'UNAUTHENTICATED', message: 'Connexion requise.' } },
      }),
      'POST /api/session': (body) => {
        attempts += 1;
        return (body as { password: string }).password === 'bon'
          ? { json: { user, expiresAt: null } }
          : {
              status: 401,
              json: {
                error: {
                  code: 'INVALID_CREDENTIALS',
                  message: 'Adresse électronique ou mot de passe incorrect.',
                },
              },
            };
      },
    });
    const { router } = renderWithProviders(<LoginPage />, {
      route: '/connexion?suite=%2Fpoles%2Fhenin-carvin',
      path: '/connexion',
      extraRoutes: [{ path: '/poles/:pole', element: <p>Tableau du pôle</p> }],
    });
    await userEvent.type(await screen.findByLabelText('Adresse électronique'), 'c@p.test');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'faux');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Adresse électronique ou mot de passe incorrect.',
    );
    await userEvent.clear(screen.getByLabelText('Mot de passe'));
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'bon{Enter}');
    expect(await screen.findByText('Tableau du pôle')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/poles/henin-carvin');
    expect(attempts).toBe(2);
  });

  it.each([
    ['/poles/x', '/poles/x'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    [null, '/'],
  ])('safeNext(%s) = %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
