import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/keys';
import { freezeDate, renderWithProviders, stubFetch } from '../testing/render';
import { Layout } from './layout';

const POLE = 'henin-carvin';
const member = (role: string, pole: string | null = POLE) => ({ role, pole, region: null });

function renderHome(memberships: Array<ReturnType<typeof member>>, route = '/') {
  stubFetch({});
  const view = renderWithProviders(<Layout />, { route, path: '/*' });
  view.client.setQueryData(keys.session(), {
    user: { id: 1, email: 'c@demo', name: 'Camille', memberships },
    expiresAt: null,
  });
  return view;
}

const poleNav = () => screen.queryByRole('navigation', { name: 'Navigation du pôle' });
const links = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);

freezeDate('2026-11-29T10:00:00Z');

describe('Layout — pole navigation', () => {
  it('shows the only pole’s menu at / to its coordinator', async () => {
    renderHome([member('coordinator')]);
    const nav = await screen.findByRole('navigation', { name: 'Navigation du pôle' });
    expect(links(nav)).toEqual([
      ['Tableau de bord', `/poles/${POLE}`],
      ['Mon trimestre', `/poles/${POLE}/trimestres`],
      ['Importer', `/poles/${POLE}/import`],
      ['Objectifs', `/poles/${POLE}/objectifs/2026`],
      ['Rapport trimestriel', `/poles/${POLE}/rapport`],
      ['Historique', `/poles/${POLE}/historique`],
    ]);
  });

  it('shows it at / to a board member of one pole, without the coordinator’s entries', async () => {
    renderHome([member('board')]);
    const nav = await screen.findByRole('navigation', { name: 'Navigation du pôle' });
    expect(links(nav).map(([text]) => text)).toEqual([
      'Tableau de bord',
      'Objectifs',
      'Rapport trimestriel',
      'Historique',
    ]);
  });

  it('shows no pole menu at / to a member of several poles', async () => {
    renderHome([member('coordinator'), member('board', 'demo-littoral')]);
    await screen.findByText('Camille');
    expect(poleNav()).not.toBeInTheDocument();
  });

  it('shows no pole menu on other pages outside a pole', async () => {
    renderHome([member('coordinator')], '/exports');
    await screen.findByText('Camille');
    expect(poleNav()).not.toBeInTheDocument();
  });
});
