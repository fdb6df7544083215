import { quarterRange } from '@ptce/shared/periods';
import { type QualityFacts, qualityParts, qualityScore } from '@ptce/shared/quality';
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

/** A quarter's quality as the API answers it, its parts and score computed by the shared code. */
function quality(period: string, status: string, f: Partial<QualityFacts> = {}) {
  const facts: QualityFacts = {
    filled: 40,
    expected: 40,
    timeliness: 'onTime',
    outliers: 0,
    overridden: 0,
    ...f,
  };
  return {
    period,
    status,
    completeness: { filled: facts.filled, expected: facts.expected },
    timeliness: {
      status: facts.timeliness,
      deadline: '2026-10-30',
      submittedAt: facts.timeliness === 'pending' ? null : '2026-11-05T09:00:00.000Z',
    },
    outliers: facts.outliers,
    warnings: facts.outliers + 2,
    overridden: facts.overridden,
    parts: qualityParts(facts),
    score: qualityScore(facts),
  };
}
const WEIGHTS = { completeness: 50, timeliness: 20, outliers: 20, overridden: 10 };
/** What the CRESS sees before validating henin-carvin's 2026Q3: 9 of 40, late, 1 outlier. */
const REVIEWED = quality('2026Q3', 'submitted', {
  filled: 9,
  timeliness: 'late',
  outliers: 1,
  overridden: 2,
});

function fakeServer(opts: { validate?: { status: number; json: unknown } } = {}) {
  const states = new Map<string, { status: string; reason: string | null }>([
    ['henin-carvin|2026Q3', { status: 'submitted', reason: null }],
  ]);
  const periods = (slug: string) => (_: unknown, url: URL) => ({
    json: {
      deadlineDays: 30,
      resubmitDays: 15,
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
    'GET /api/regions/HDF/quality': (_, url) => {
      const range = quarterRange(url.searchParams.get('from')!, url.searchParams.get('to')!);
      const of = (slug: string) =>
        range.map((period) => {
          if (slug === 'henin-carvin' && period === '2026Q3') return REVIEWED;
          if (period === '2026Q4') return quality(period, 'draft', { timeliness: 'pending' });
          return quality(period, 'validated');
        });
      return {
        json: {
          region: HDF,
          from: range[0],
          to: range.at(-1),
          deadlineDays: 30,
          weights: WEIGHTS,
          poles: poles.map((p) => ({ slug: p.slug, name: p.name, quarters: of(p.slug) })),
        },
      };
    },
    'GET /api/poles/henin-carvin/periods/2026Q3/quality': () => ({
      json: { pole: 'henin-carvin', deadlineDays: 30, weights: WEIGHTS, quality: REVIEWED },
    }),
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
  it('lists the submitted quarter first, with its quality, above the region grid', async () => {
    fakeServer();
    renderWithProviders(<CressHomePage />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Pôles de la région Hauts-de-France' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('1 trimestre soumis attend votre validation.'),
    ).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['À valider', 'Hauts-de-France']);
    const pending = screen.getByRole('region', { name: 'À valider' });
    expect(
      within(pending).getByRole('link', { name: 'PTCE Hénin-Carvin — T3 2026' }),
    ).toHaveAttribute('href', '/poles/henin-carvin/rapport/2026Q3');
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
      screen.getByRole('link', { name: 'Tableau de bord de PTCE Hénin-Carvin' }),
    ).toHaveAttribute('href', '/poles/henin-carvin');
    expect(
      screen.getByRole('link', { name: 'Rapport trimestriel de PTCE démo Littoral' }),
    ).toHaveAttribute('href', '/poles/demo-littoral/rapport');
    expect(screen.queryByRole('button', { name: /^Valider PTCE démo Littoral/ })).toBeNull();
    // Each quarter's score opens on its parts (a native disclosure: keyboard included).
    const score = await within(table).findByText('Qualité : 32/100');
    expect(score.closest('summary')).toHaveAccessibleName(
      'Qualité : 32/100 — PTCE Hénin-Carvin T3 2026',
    );
    expect(within(table).getAllByText('Qualité : en cours')).toHaveLength(2);
    await userEvent.click(score);
    const details = score.closest('details')!;
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText('9/40 valeurs attendues saisies (23 %)')).toBeVisible();
    expect(within(details).getByText('23/100 · poids 50 %')).toBeInTheDocument();
    expect(
      within(details).getByText('Soumis le 5 novembre 2026, après l’échéance du 30 octobre 2026'),
    ).toBeInTheDocument();
  });

  it('asks before validating, with the quarter’s figures; Annuler does nothing, confirming validates', async () => {
    const calls = fakeServer();
    renderWithProviders(<CressHomePage />);
    const validate = await screen.findByRole('button', {
      name: 'Valider PTCE Hénin-Carvin T3 2026',
    });
    await userEvent.click(validate);
    let dialog = screen.getByRole('dialog', { name: 'Valider T3 2026 de PTCE Hénin-Carvin' });
    expect(await within(dialog).findByText('Qualité : 32/100')).toBeInTheDocument();
    for (const text of [
      'Toutes les valeurs attendues ne sont pas saisies.',
      '9/40 valeurs attendues saisies (23 %)',
      '1 alerte d’atypie restée sans suite',
      '3 avertissements au total',
      '2 erreurs acceptées avec un motif',
    ])
      expect(within(dialog).getByText(text)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Annuler' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(validate).toHaveFocus();
    expect(posts(calls)).toEqual([]);

    await userEvent.click(validate);
    dialog = screen.getByRole('dialog', { name: 'Valider T3 2026 de PTCE Hénin-Carvin' });
    await within(dialog).findByText('Qualité : 32/100');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Valider et verrouiller' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'T3 2026 de PTCE Hénin-Carvin : validé et verrouillé.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      await screen.findByRole('button', { name: 'Rouvrir PTCE Hénin-Carvin T3 2026' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Valider PTCE Hénin-Carvin T3 2026' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'À valider' })).toBeNull();
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
    const dialog = screen.getByRole('dialog', { name: 'Valider T3 2026 de PTCE Hénin-Carvin' });
    await within(dialog).findByText('Qualité : 32/100');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Valider et verrouiller' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Cette action n'est pas possible dans l'état actuel du trimestre.",
    );
    expect(within(dialog).getByRole('button', { name: 'Valider et verrouiller' })).toBeEnabled();
  });
});
