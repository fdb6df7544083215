import { currentQuarter, previousQuarter } from '@ptce/shared/periods';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody, poleDetail } from '../../testing/fixtures';
import { freezeDate, renderWithProviders, stubFetch } from '../../testing/render';
import { QuarterHomePage } from './quarter-home-page';

const POLE = 'henin-carvin';
const current = currentQuarter(new Date());
const q1 = previousQuarter(current);
const q2 = previousQuarter(q1);
const q3 = previousQuarter(q2);
const label = (q: string) => `T${q.slice(5)} ${q.slice(0, 4)}`;

const scopes = [
  { slug: 'mobilite-sociale', name: 'Mobilité sociale', kind: 'group', indicators: [] },
  { slug: 'pole', name: 'Pôle', kind: 'pole', indicators: [] },
];
const state = (period: string, status: string, reason: string | null, filled: [number, number]) =>
  periodState(period, {
    status,
    reason,
    scopes: [
      { scope: 'mobilite-sociale', filled: filled[0], expected: 9 },
      { scope: 'pole', filled: filled[1], expected: 19 },
    ],
  });

function renderHome(sentBack: [number, number] = [9, 12]) {
  stubFetch({
    [`GET /api/poles/${POLE}`]: () => ({
      json: poleDetail({
        slug: POLE,
        name: 'PTCE Hénin-Carvin',
        territory: 'CAHC',
        scopes,
        roles: ['coordinator'],
      }),
    }),
    [`GET /api/poles/${POLE}/periods`]: () => ({
      json: periodsBody([
        state(q3, 'validated', null, [9, 19]),
        state(q2, 'draft', 'Les sorties ne correspondent pas au bilan ASP.', sentBack),
        state(q1, 'submitted', null, [9, 19]),
        state(current, 'draft', null, [4, 0]),
      ]),
    }),
  });
  renderWithProviders(<QuarterHomePage pole={POLE} />);
}

describe('QuarterHomePage', () => {
  it('shows the current quarter per scope: brouillon when started, à saisir when empty', async () => {
    renderHome();
    const card = (
      await screen.findByRole('heading', { name: new RegExp(`^${label(current)}`) })
    ).closest('section')!;
    const rows = within(card).getAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Mobilité sociale');
    expect(within(rows[1]!).getByText('Brouillon')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('4 sur 9')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('À saisir')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('0 sur 19')).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: `Saisir — Mobilité sociale, ${label(current)}` }),
    ).toHaveAttribute('href', `/poles/${POLE}/saisie/${current}/mobilite-sociale`);
    expect(within(card).getByText(/^Échéance : /)).toBeInTheDocument();
    expect(card).not.toHaveClass('overdue');
  });

  it('lists a quarter sent back as à corriger with the CRESS’s reason, overdue, and hides submitted ones', async () => {
    renderHome();
    const card = (
      await screen.findByRole('heading', { name: new RegExp(`^${label(q2)}`) })
    ).closest('section')!;
    // the quarter (21 of 28) and its incomplete scope; the complete scope is a draft again
    expect(within(card).getAllByText('À corriger').length).toBe(2);
    expect(within(within(card).getAllByRole('row')[1]!).getByText('Brouillon')).toBeInTheDocument();
    expect(
      within(card).getByText(/Les sorties ne correspondent pas au bilan ASP\./),
    ).toBeInTheDocument();
    expect(within(card).getByText(/en retard de \d+ jours/)).toBeInTheDocument();
    expect(card).toHaveClass('overdue');
    expect(
      screen.queryByRole('heading', { name: new RegExp(`^${label(q1)}`) }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: new RegExp(`^${label(q3)}`) }),
    ).not.toBeInTheDocument();
  });

  it('no longer says à corriger once every expected value of the sent-back quarter is entered', async () => {
    renderHome([9, 19]);
    const heading = await screen.findByRole('heading', { name: new RegExp(`^${label(q2)}`) });
    const card = heading.closest('section')!;
    expect(within(card).queryByText('À corriger')).not.toBeInTheDocument();
    expect(within(heading).getByText('Brouillon')).toBeInTheDocument();
    // the CRESS's reason stays beside it
    expect(
      within(card).getByText(/Les sorties ne correspondent pas au bilan ASP\./),
    ).toBeInTheDocument();
  });
});

const detail = (roles: string[]) =>
  poleDetail({ slug: POLE, name: 'PTCE Hénin-Carvin', territory: 'CAHC', scopes, roles });

describe('QuarterHomePage — why a quarter came back', () => {
  const back = (kind: 'sendBack' | 'reopen', byRole: string | null) =>
    periodState(q1, {
      status: 'draft',
      reason: 'Les ETP ne sont pas commentés.',
      scopes: [{ scope: 'mobilite-sociale', filled: 9, expected: 9 }],
      transition: {
        kind,
        reason: 'Les ETP ne sont pas commentés.',
        at: '2026-03-03T10:00:00Z',
        by: 'Claire Martin',
        byRole,
      },
    });
  const show = (state: ReturnType<typeof periodState>, lang: 'fr' | 'en' = 'fr') => {
    stubFetch({
      [`GET /api/poles/${POLE}`]: () => ({
        json: detail(['coordinator']),
      }),
      [`GET /api/poles/${POLE}/periods`]: () => ({
        json: periodsBody([state, periodState(current, { status: 'draft' })]),
      }),
    });
    renderWithProviders(<QuarterHomePage pole={POLE} />, { lang });
  };

  it.each([
    ['sendBack', 'cress', 'fr', 'Renvoyé par la CRESS le 3 mars 2026 — Claire Martin — motif : '],
    ['reopen', 'cress', 'fr', 'Rouvert par la CRESS le 3 mars 2026 — Claire Martin — motif : '],
    ['reopen', 'admin', 'fr', 'Rouvert par l’administration le 3 mars 2026 — Claire Martin'],
    ['reopen', null, 'fr', 'Rouvert le 3 mars 2026 — Claire Martin — motif : '],
    ['reopen', 'cress', 'en', 'Reopened by the CRESS on 3 March 2026 — Claire Martin — reason: '],
    ['sendBack', 'cress', 'en', 'Sent back by the CRESS on 3 March 2026 — Claire Martin'],
  ] as const)('%s by %s (%s): “%s…”', async (kind, role, lang, text) => {
    show(back(kind, role), lang);
    expect(await screen.findByText((content) => content.startsWith(text))).toHaveTextContent(
      'Les ETP ne sont pas commentés.',
    );
    // every value entered: the quarter is a draft again, not "à corriger"
    expect(screen.queryByText(lang === 'fr' ? 'À corriger' : 'To fix')).not.toBeInTheDocument();
  });
});

describe('QuarterHomePage — the deadline of a quarter sent back', () => {
  // Today 10 December 2026: 2026Q3 was due on 30 October (30 days), 2026Q4 is the current one.
  freezeDate('2026-12-10T10:00:00Z');
  const show = (transition: NonNullable<Parameters<typeof periodState>[1]>['transition']) => {
    stubFetch({
      [`GET /api/poles/${POLE}`]: () => ({ json: detail(['coordinator']) }),
      [`GET /api/poles/${POLE}/periods`]: () => ({
        json: periodsBody([
          periodState('2026Q3', {
            status: 'draft',
            reason: transition ? 'Les ETP ne sont pas commentés.' : null,
            scopes: [{ scope: 'mobilite-sociale', filled: 9, expected: 9 }],
            transition,
          }),
          periodState('2026Q4', { status: 'draft' }),
        ]),
      }),
    });
    renderWithProviders(<QuarterHomePage pole={POLE} />);
  };
  const card = async () =>
    (await screen.findByRole('heading', { name: /^T3 2026/ })).closest('section')!;
  const back = (kind: 'sendBack' | 'reopen', at: string) => ({
    kind,
    reason: 'Les ETP ne sont pas commentés.',
    at,
    by: 'Claire Martin',
    byRole: 'cress',
  });

  it('sent back on 20 November: due 15 days later, 5 days late, as its reminders say', async () => {
    show(back('sendBack', '2026-11-20T15:00:00Z'));
    const c = await card();
    expect(within(c).getByText(/^Échéance : /)).toHaveTextContent(
      'Échéance : 5 décembre 2026 — en retard de 5 jours',
    );
    expect(c).toHaveClass('overdue');
  });

  it('reopened on 1 December: due on the 16th, not late yet', async () => {
    show(back('reopen', '2026-12-01T09:00:00Z'));
    const c = await card();
    expect(within(c).getByText(/^Échéance : /)).toHaveTextContent(/^Échéance : 16 décembre 2026$/);
    expect(within(c).queryByText(/en retard/)).not.toBeInTheDocument();
    expect(c).not.toHaveClass('overdue');
  });

  it('sent back early enough: its own deadline, 30 October, 41 days late', async () => {
    show(back('sendBack', '2026-10-10T09:00:00Z'));
    expect(within(await card()).getByText(/^Échéance : /)).toHaveTextContent(
      'Échéance : 30 octobre 2026 — en retard de 41 jours',
    );
  });

  it('never sent back: its own deadline', async () => {
    show(null);
    expect(within(await card()).getByText(/^Échéance : /)).toHaveTextContent(
      'Échéance : 30 octobre 2026 — en retard de 41 jours',
    );
  });
});

describe('QuarterHomePage — submitting from the card', () => {
  const renderSubmit = (submit: () => { status?: number; json?: unknown }) => {
    let status = 'draft';
    const calls = stubFetch({
      [`GET /api/poles/${POLE}`]: () => ({
        json: detail(['coordinator']),
      }),
      [`GET /api/poles/${POLE}/periods`]: () => ({
        json: periodsBody([
          periodState(q1, { status: 'validated' }),
          state(current, status, null, [9, 19]),
        ]),
      }),
      [`POST /api/poles/${POLE}/periods/${current}/submit`]: () => {
        const answer = submit();
        if ((answer.status ?? 200) === 200) status = 'submitted';
        return answer;
      },
    });
    renderWithProviders(<QuarterHomePage pole={POLE} />);
    return calls;
  };

  it('asks to confirm, submits, and puts focus on the sentence that says so', async () => {
    const calls = renderSubmit(() => ({ json: state(current, 'submitted', null, [9, 19]) }));
    const user = userEvent.setup();
    const open = await screen.findByRole('button', { name: `Soumettre ${label(current)}` });
    await user.click(open);
    const confirm = screen.getByRole('button', { name: 'Confirmer la soumission' });
    expect(confirm).toHaveFocus();
    expect(screen.getByRole('group', { name: `Soumettre ${label(current)} à la CRESS ?` }));
    // cancelling gives focus back to the button
    await user.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.getByRole('button', { name: `Soumettre ${label(current)}` })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Confirmer la soumission' }));
    const done = await screen.findByText(new RegExp(`^${label(current)} soumis à la CRESS`));
    await waitFor(() => expect(done).toHaveFocus());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    const card = (
      await screen.findByRole('heading', { name: new RegExp(`^${label(current)}`) })
    ).closest('section')!;
    await within(card).findByText('Soumis', { selector: 'h3 .badge' });
    expect(within(card).queryByRole('button', { name: /^Soumettre/ })).not.toBeInTheDocument();
  });

  it('says why a refused submission was refused, with a link to the grid of each error', async () => {
    renderSubmit(() => ({
      status: 422,
      json: {
        error: {
          code: 'RULE_VIOLATION',
          message:
            'Le trimestre ne peut pas être soumis : des règles de cohérence ne sont pas respectées (1).',
          issues: [
            {
              path: [],
              code: 'E1',
              message: 'Les sorties positives (7) dépassent les sorties de parcours (5).',
              rule: 'E1',
              severity: 'error',
              scope: 'mobilite-sociale',
              period: current,
              slice: '',
              subject: '',
              cells: [],
              params: {},
            },
          ],
        },
      },
    }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Soumettre ${label(current)}` }));
    await user.click(screen.getByRole('button', { name: 'Confirmer la soumission' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/^Le trimestre ne peut pas être soumis/);
    expect(alert).toHaveTextContent(
      'E1 — Mobilité sociale : Les sorties positives (7) dépassent les sorties de parcours (5).',
    );
    expect(
      within(alert).getByRole('link', { name: 'Corriger dans la grille « Mobilité sociale »' }),
    ).toHaveAttribute('href', `/poles/${POLE}/saisie/${current}/mobilite-sociale`);
    expect(screen.getByRole('button', { name: `Soumettre ${label(current)}` })).toHaveFocus();
  });

  it('offers no submission to the board', async () => {
    stubFetch({
      [`GET /api/poles/${POLE}`]: () => ({
        json: detail(['board']),
      }),
      [`GET /api/poles/${POLE}/periods`]: () => ({
        json: periodsBody([state(current, 'draft', null, [9, 19])]),
      }),
    });
    renderWithProviders(<QuarterHomePage pole={POLE} />);
    await screen.findByRole('heading', { name: new RegExp(`^${label(current)}`) });
    expect(screen.queryByRole('button', { name: /^Soumettre/ })).not.toBeInTheDocument();
  });
});
