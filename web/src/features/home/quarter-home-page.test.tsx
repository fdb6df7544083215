import { currentQuarter, previousQuarter } from '@ptce/shared/periods';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { periodState, periodsBody, poleDetail } from '../../testing/fixtures';
import { renderWithProviders, stubFetch } from '../../testing/render';
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
