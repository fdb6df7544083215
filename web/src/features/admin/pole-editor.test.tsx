import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { catalogueBody, HDF, poleDetail } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { AdminPage } from './admin-page';

const session = {
  user: {
    id: 5,
    email: 'a@t.test',
    name: 'Admin',
    memberships: [{ role: 'admin', pole: null, region: null }],
  },
  expiresAt: null,
};
const summary = { slug: 'henin-carvin', name: 'PTCE Hénin-Carvin', territory: 'CAHC', region: HDF };

describe('AdminPage — a pole’s scopes', () => {
  it('sets the indicators a scope tracks with checkboxes grouped by theme', async () => {
    let pole = poleDetail({
      ...summary,
      roles: ['admin'],
      scopes: [
        {
          slug: 'transition-ecologique',
          name: 'Transition écologique',
          kind: 'group',
          indicators: ['TE-DECHETS-COLLECTES', 'TE-DECHETS-REEMPLOI'],
        },
        { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: ['PTCE-EVENEMENTS'] },
      ],
    });
    const calls = stubFetch({
      'GET /api/session': () => ({ json: session }),
      'GET /api/poles': () => ({ json: { poles: [summary] } }),
      'GET /api/poles/henin-carvin': () => ({ json: pole }),
      'GET /api/catalogue': () => ({ json: catalogueBody }),
      'GET /api/admin/regions': () => ({ json: { regions: [{ ...HDF, poles: 1 }] } }),
      'PUT /api/admin/poles/henin-carvin/scopes/transition-ecologique/indicators': (body) => {
        const scope = { ...pole.scopes[0]!, ...(body as { indicators: string[] }) };
        pole = { ...pole, scopes: [scope, pole.scopes[1]!] };
        return { json: { scope } };
      },
    });
    renderWithProviders(<AdminPage />, {
      route: '/admin?section=poles&pole=henin-carvin',
      path: '/admin',
    });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Pôle : PTCE Hénin-Carvin' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByText('Transition écologique', { selector: 'strong' }));
    const picker = screen.getByRole('group', {
      name: 'Indicateurs suivis par Transition écologique',
    });
    const theme = await within(picker).findByRole('group', {
      name: 'Transition écologique (2/6)',
    });
    expect(within(picker).getByRole('group', { name: 'Vie du pôle (PTCE) (0/13)' })).toBeVisible();
    await userEvent.click(within(theme).getByLabelText(/^Tonnes collectées/));
    await userEvent.click(within(theme).getByLabelText(/^Actions de sensibilisation/));
    expect(within(theme).getByLabelText(/^Tonnes réemployées/)).toBeChecked();
    expect(within(picker).getByRole('group', { name: 'Transition écologique (2/6)' })).toBe(theme);
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Enregistrer les indicateurs' })[0]!,
    );
    expect(
      await screen.findByText('Indicateurs enregistrés pour Transition écologique.'),
    ).toBeInTheDocument();
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      {
        method: 'PUT',
        url: '/api/admin/poles/henin-carvin/scopes/transition-ecologique/indicators',
        body: { indicators: ['TE-DECHETS-REEMPLOI', 'TE-SENSIBILISATION-ACTIONS'] },
      },
    ]);
  });
});
