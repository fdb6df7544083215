import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, savedBody, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

// Each rule violation once in the grid: one block under the first row it involves, marks
// linked to it under the others, one reason box that overrides that violation only, and an
// edit that fixes it clearing the block, the server's refusal and its summary box at once.

type Put = { entries: unknown[]; overrides?: unknown[] };
const MS = 'mobilite-sociale';
const E1_TEXT = /Les sorties vers l’emploi durable, de transition et positives/;

function renderGrid(routes: Parameters<typeof stubFetch>[0]) {
  const calls = stubFetch(routes);
  renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
  return calls;
}
const puts = (calls: Array<{ method: string; body: unknown }>) =>
  calls.filter((c) => c.method === 'PUT').map((c) => c.body as Put);
const box = (name: string) => screen.getByRole('textbox', { name });

/** Types E1 over four rows: 4 + 3 + 1 exits to jobs and positive ones for 5 exits. */
async function typeE1(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByLabelText('Sorties de parcours');
  await user.type(box('Sorties de parcours'), '5');
  await user.type(box('Sorties vers l’emploi durable'), '4');
  await user.type(box('Sorties vers un emploi de transition'), '3');
  await user.type(box('Sorties positives'), '1');
}

describe('EntryPage — each rule violation once', () => {
  it('shows E1 over four rows as one block with one reason box, the other rows marked and linked', async () => {
    renderGrid(readRoutes([]));
    const user = userEvent.setup();
    await typeE1(user);
    expect(await screen.findAllByText(E1_TEXT)).toHaveLength(1);
    expect(screen.getAllByRole('textbox', { name: /Motif de dérogation/ })).toEqual([
      box('Motif de dérogation — E1 — Sorties de parcours'),
    ]);
    for (const name of [
      'Sorties de parcours',
      'Sorties vers l’emploi durable',
      'Sorties vers un emploi de transition',
      'Sorties positives',
    ])
      expect(box(name)).toHaveAttribute('aria-invalid', 'true');
    const marks = screen.getAllByRole('link', {
      name: 'voir sous «\u00a0Sorties de parcours\u00a0»',
    });
    expect(marks).toHaveLength(3);
    await user.click(marks[2]!);
    const block = document.activeElement as HTMLElement;
    expect(block).toHaveClass('violation');
    expect(block).toHaveTextContent(E1_TEXT);
    // the block links back to each other row's mark
    await user.click(screen.getByRole('link', { name: 'Sorties positives' }));
    expect(document.activeElement).toHaveTextContent(/Erreur E1/);
    expect(document.activeElement).toHaveClass('violation-mark');
  });

  it('a reason overrides the violation it was typed for only', async () => {
    const calls = renderGrid({
      ...readRoutes([]),
      [`PUT /api/poles/${POLE}/values`]: (body) => ({ json: savedBody(body) }),
    });
    const user = userEvent.setup();
    await typeE1(user);
    await user.click(screen.getByRole('button', { name: 'Ventilations — Sorties de parcours' }));
    await user.type(box('Sorties de parcours — Sexe : Femme'), '1');
    // E1 and E5 (the sex breakdown sums to 1, not 5): one box each
    expect(screen.getAllByRole('textbox', { name: /Motif de dérogation/ })).toHaveLength(2);
    await user.type(
      box('Motif de dérogation — E1 — Sorties de parcours'),
      'Bilan ASP du trimestre',
    );
    expect(screen.getAllByText(/Erreur E1 \(dérogation\)/).length).toBeGreaterThan(0);
    expect(screen.getByText(/^Erreur E5$/)).toBeInTheDocument();
    // the exits total is still in an error no reason overrides
    expect(box('Sorties de parcours')).toHaveAttribute('aria-invalid', 'true');
    expect(box('Sorties positives')).not.toHaveAttribute('aria-invalid');

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]!.overrides).toEqual([
      { rule: 'E1', scope: MS, slice: '', subject: '', reason: 'Bilan ASP du trimestre' },
    ]);
    expect(JSON.stringify(puts(calls)[0]!.entries)).not.toContain('overrideReason');
  });

  it('after a refused save, shows the violation once and clears it, the server’s text and the summary at the fix', async () => {
    renderGrid({
      ...readRoutes([stored('MS-SORTIES', 5)]),
      [`PUT /api/poles/${POLE}/values`]: () => ({
        status: 422,
        json: {
          error: {
            code: 'RULE_VIOLATION',
            message: 'Des règles de cohérence ne sont pas respectées ; rien n’a été enregistré.',
            issues: [
              {
                code: 'E1',
                rule: 'E1',
                severity: 'error',
                scope: MS,
                period: '2025Q3',
                slice: '',
                subject: '',
                overridden: false,
                entries: [0],
                message: 'Texte E1 du serveur.',
                cells: [
                  { scope: MS, indicator: 'MS-SORTIES-POSITIVES', slice: '' },
                  { scope: MS, indicator: 'MS-SORTIES', slice: '' },
                ],
                params: {},
              },
            ],
          },
        },
      }),
    });
    const user = userEvent.setup();
    const positives = await screen.findByRole('textbox', { name: 'Sorties positives' });
    await user.type(positives, '7');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const summary = await screen.findByText(/Des règles de cohérence ne sont pas respectées/);
    expect(summary).toBeVisible();
    // server and grid texts merged: the violation once, in the grid's words
    expect(screen.queryByText('Texte E1 du serveur.')).not.toBeInTheDocument();
    expect(screen.getAllByText(E1_TEXT)).toHaveLength(1);

    await user.clear(positives);
    await user.type(positives, '3');
    expect(screen.queryByText(E1_TEXT)).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Motif de dérogation/ })).not.toBeInTheDocument();
    expect(
      screen.queryByText(/Des règles de cohérence ne sont pas respectées/),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Rien n’a été enregistré ; vos saisies sont conservées.')).toBeNull();
    expect(positives).not.toHaveAttribute('aria-invalid');
  });
});
