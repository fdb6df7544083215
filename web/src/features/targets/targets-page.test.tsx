import type { SaveTargetsRequest } from '@ptce/shared/targets.schema';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { keys } from '../../api/keys';
import { poleDetail, poleRoutes, storedValue, targetEntry } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { TargetsPage } from './targets-page';

const POLE = 'henin-carvin';
const scopes = [
  {
    slug: 'mobilite-sociale',
    name: 'Mobilité sociale',
    kind: 'group',
    indicators: ['MS-SORTIES', 'MS-TAUX-SORTIES-DYNAMIQUES'],
  },
  { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: ['PTCE-RESSOURCES-TOTALES'] },
];
const exits = targetEntry({
  scope: 'mobilite-sociale',
  indicator: 'MS-SORTIES',
  year: 2026,
  value: 40,
});
const stored = (period: string) =>
  storedValue({ scope: 'mobilite-sociale', indicator: 'MS-SORTIES', period, value: 10 });

function renderTargets(
  roles: string[],
  put?: (body: unknown) => { status?: number; json?: unknown },
  targets = [exits],
) {
  const pole = poleDetail({ slug: POLE, name: 'PTCE', territory: 'CAHC', scopes, roles });
  const calls = stubFetch({
    ...poleRoutes(pole, {
      targets: { year: 2026, targets },
      values: { pole: POLE, values: ['2025Q1', '2025Q2', '2025Q3'].map(stored) },
    }),
    ...(put ? { [`PUT /api/poles/${POLE}/targets`]: put } : {}),
  });
  const view = renderWithProviders(<TargetsPage />, {
    route: `/poles/${POLE}/objectifs/2026`,
    path: '/poles/:pole/objectifs/:year',
  });
  view.client.setQueryData(keys.session(), session);
  return { calls, ...view };
}

const session = {
  user: { id: 7, email: 'c@demo', name: 'Camille', memberships: [] },
  expiresAt: null,
};
const EXITS = 'Objectif 2026 — Sorties de parcours (Mobilité sociale)';
const RESOURCES = 'Objectif 2026 — Ressources totales du pôle (Pôle)';
const NOTICE = { name: 'Saisie non enregistrée restaurée' };
const drafts = () => Object.keys(window.sessionStorage).filter((k) => k.startsWith('ptce:'));

/** Types two targets, then leaves the page unsaved (as the 401 redirect does). */
async function typeAndLeave() {
  const { unmount } = renderTargets(['coordinator']);
  const user = userEvent.setup();
  const exitsBox = await screen.findByRole('textbox', { name: EXITS });
  await user.clear(exitsBox);
  await user.type(exitsBox, '55');
  await user.type(screen.getByRole('textbox', { name: RESOURCES }), '9 000');
  unmount();
}

/** The answer of a save: the year's targets as stored (a `null` value removes one). */
const saved = (body: unknown) => ({
  json: {
    year: 2026,
    targets: (body as SaveTargetsRequest).targets.flatMap((t) =>
      t.value === null ? [] : [targetEntry({ ...t, value: t.value, year: 2026 })],
    ),
  },
});

describe('TargetsPage', () => {
  it('saves with Ctrl+S as with the button', async () => {
    const { calls } = renderTargets(['coordinator'], saved);
    const user = userEvent.setup();
    const exitsBox = await screen.findByRole('textbox', { name: EXITS });
    await user.clear(exitsBox);
    await user.type(exitsBox, '55');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      year: 2026,
      targets: [{ scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 55 }],
    });
  });

  it('lets the coordinator type French numbers and saves the changed targets at once', async () => {
    const { calls } = renderTargets(['coordinator'], saved);
    const user = userEvent.setup();
    await screen.findByLabelText('Objectif 2026 — Sorties de parcours (Mobilité sociale)');
    const exits = screen.getByRole('textbox', {
      name: 'Objectif 2026 — Sorties de parcours (Mobilité sociale)',
    });
    expect(exits).toHaveValue('40');
    // last year's actual: three quarters of 10, Q4 missing
    expect(screen.getByText('30')).toBeInTheDocument();
    expect(screen.getByText('(incomplet)')).toBeInTheDocument();
    const resources = screen.getByRole('textbox', {
      name: 'Objectif 2026 — Ressources totales du pôle (Pôle)',
    });
    await user.type(resources, '12 500,5x');
    expect(screen.getByText('Nombre non reconnu (exemple : 1 234,5).')).toBeInTheDocument();
    await user.type(resources, '{Backspace}');
    await user.clear(exits);
    await user.click(screen.getByRole('button', { name: 'Enregistrer les objectifs' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      year: 2026,
      targets: [
        { scope: 'pole', indicator: 'PTCE-RESSOURCES-TOTALES', value: 12500.5 },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: null },
      ],
    });
    expect(await screen.findByText('Enregistré : 2 objectifs.')).toBeInTheDocument();
  });

  it('is read only for the board, with year navigation', async () => {
    renderTargets(['board']);
    expect(
      await screen.findByText('Lecture seule : seule la coordination du pôle fixe les objectifs.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Enregistrer les objectifs' }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Année précédente : 2025' })).toHaveAttribute(
      'href',
      `/poles/${POLE}/objectifs/2025`,
    );
    expect(screen.getByRole('link', { name: 'Année suivante : 2027' })).toBeInTheDocument();
  });

  it('restores unsaved targets after leaving, says so, and forgets them once saved', async () => {
    await typeAndLeave();
    const { calls } = renderTargets(['coordinator'], saved);
    expect(await screen.findByRole('textbox', { name: EXITS })).toHaveValue('55');
    expect(screen.getByRole('textbox', { name: RESOURCES })).toHaveValue('9 000');
    expect(screen.getByRole('region', NOTICE)).not.toHaveTextContent(/quelqu’un d’autre/);
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Enregistrer les objectifs' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      year: 2026,
      targets: [
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 55 },
        { scope: 'pole', indicator: 'PTCE-RESSOURCES-TOTALES', value: 9000 },
      ],
    });
    expect(await screen.findByText('Enregistré : 2 objectifs.')).toBeInTheDocument();
    expect(screen.queryByRole('region', NOTICE)).not.toBeInTheDocument();
    expect(drafts()).toEqual([]);
  });

  it('names the targets changed by someone else meanwhile, and discards on request', async () => {
    await typeAndLeave();
    renderTargets(['coordinator'], undefined, [{ ...exits, value: 45 }]);
    expect(await screen.findByRole('textbox', { name: EXITS })).toHaveValue('55');
    expect(screen.getByRole('region', NOTICE)).toHaveTextContent(
      'Modifié par quelqu’un d’autre depuis votre saisie : Sorties de parcours (Mobilité sociale).',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Abandonner cette saisie' }));
    expect(screen.getByRole('textbox', { name: EXITS })).toHaveValue('45');
    expect(screen.getByRole('textbox', { name: RESOURCES })).toHaveValue('');
    await waitFor(() => expect(drafts()).toEqual([]));
  });
});
