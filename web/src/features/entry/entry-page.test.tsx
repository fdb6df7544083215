import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, savedBody, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

type Put = { entries: Array<Record<string, unknown>> };

function renderGrid(routes: Parameters<typeof stubFetch>[0]) {
  const calls = stubFetch(routes);
  renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
  return calls;
}
const puts = (calls: Array<{ method: string; body: unknown }>) =>
  calls.filter((c) => c.method === 'PUT').map((c) => c.body as Put);

describe('EntryPage — French numbers', () => {
  it('reads `1 234` and `1234.0`, flags unreadable text and saves nothing until fixed', async () => {
    const calls = renderGrid({
      ...readRoutes([]),
      [`PUT /api/poles/${POLE}/values`]: (body) => ({ json: savedBody(body) }),
    });
    const user = userEvent.setup();
    const hours = await screen.findByRole('textbox', { name: 'Heures travaillées en insertion' });
    await user.type(hours, '1 234');
    const exits = screen.getByRole('textbox', { name: 'Sorties de parcours' });
    await user.type(exits, '12,5');
    expect(await screen.findByText('Nombre entier attendu.')).toBeInTheDocument();
    expect(exits).toHaveAttribute('aria-invalid', 'true');
    const entries = screen.getByRole('textbox', { name: 'Entrées en parcours IAE' });
    await user.type(entries, '3 4 5');
    expect(screen.getByText('Nombre non reconnu (exemple : 1 234,5).')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText('Corrigez les saisies signalées avant d’enregistrer.'),
    ).toBeVisible();
    expect(puts(calls)).toHaveLength(0);

    await user.clear(exits);
    await user.type(exits, '12');
    await user.clear(entries);
    await user.type(entries, '1234.0');
    await user.keyboard('{Control>}s{/Control}');
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const sent = puts(calls)[0]!.entries;
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          indicator: 'MS-HEURES-INSERTION',
          slice: '',
          value: 1234,
          version: 0,
        }),
        expect.objectContaining({ indicator: 'MS-SORTIES', value: 12 }),
        expect.objectContaining({ indicator: 'MS-ENTREES-PARCOURS', value: 1234 }),
      ]),
    );
    expect(sent).toHaveLength(3);
    expect(await screen.findByText(/Enregistré : 3 valeurs\./)).toBeInTheDocument();
    expect(hours).toHaveValue('1\u202f234');
  });

  it('shows stored numbers the French way, computes the ratio and moves with Enter and arrows', async () => {
    renderGrid(
      readRoutes([
        stored('MS-HEURES-INSERTION', 12345),
        stored('MS-SORTIES', 10),
        stored('MS-SORTIES-POSITIVES', 4),
      ]),
    );
    const user = userEvent.setup();
    const hours = await screen.findByRole('textbox', { name: 'Heures travaillées en insertion' });
    expect(hours).toHaveValue('12\u202f345');
    // (0 + 0 + 4) ÷ 10 × 100, shown with the indicator's one decimal
    expect(screen.getByText('40,0')).toBeInTheDocument();
    await user.click(hours);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Sorties de parcours' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(hours).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('textbox', { name: 'Sorties vers l’emploi durable' })).toHaveFocus();
  });

  it('opens the breakdowns under the total with their running sum', async () => {
    renderGrid(readRoutes([stored('MS-SORTIES', 10)]));
    const user = userEvent.setup();
    await screen.findByLabelText('Sorties positives');
    const toggle = screen.getByRole('button', { name: 'Ventilations — Sorties de parcours' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.type(
      screen.getByRole('textbox', { name: 'Sorties de parcours — Sexe : Femme' }),
      '6',
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Sorties de parcours — Sexe : Homme' }),
      '3',
    );
    expect(screen.getByText('Somme : 9 sur un total de 10')).toBeInTheDocument();
    // E5: the sex breakdown (9) differs from the total (10)
    const errors = await screen.findAllByText(/la somme de la ventilation par/);
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('EntryPage — rules as the user types', () => {
  it('shows an E1 error once, asks for one reason and sends it for that violation', async () => {
    const calls = renderGrid({
      ...readRoutes([stored('MS-SORTIES', 5)]),
      [`PUT /api/poles/${POLE}/values`]: (body) => ({ json: savedBody(body) }),
    });
    const user = userEvent.setup();
    const positives = await screen.findByRole('textbox', { name: 'Sorties positives' });
    expect(screen.queryByText(/Erreur E1/)).not.toBeInTheDocument();
    await user.type(positives, '7');
    const message = await screen.findAllByText(/dépassent les sorties de parcours \(5 pers\.\)/);
    expect(message).toHaveLength(1);
    expect(positives).toHaveAttribute('aria-invalid', 'true');
    const reason = screen.getByRole('textbox', {
      name: 'Motif de dérogation — E1 — Sorties de parcours',
    });
    await user.type(reason, 'Sorties du trimestre précédent comptées ici');
    expect(positives).not.toHaveAttribute('aria-invalid');
    expect(screen.getAllByText(/Erreur E1 \(dérogation\)/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]).toEqual({
      period: expect.any(String),
      entries: [
        {
          scope: 'mobilite-sociale',
          indicator: 'MS-SORTIES-POSITIVES',
          slice: '',
          value: 7,
          comment: null,
          version: 0,
        },
      ],
      overrides: [
        {
          rule: 'E1',
          scope: 'mobilite-sociale',
          slice: '',
          subject: '',
          reason: 'Sorties du trimestre précédent comptées ici',
        },
      ],
    });
  });

  it('shows the server’s 422 rule issues on their rows and keeps the input', async () => {
    renderGrid({
      ...readRoutes([]),
      [`PUT /api/poles/${POLE}/values`]: () => ({
        status: 422,
        json: {
          error: {
            code: 'RULE_VIOLATION',
            message: 'Des règles de cohérence ne sont pas respectées ; rien n’a été enregistré.',
            issues: [
              {
                code: 'E9',
                rule: 'E9',
                severity: 'error',
                scope: 'mobilite-sociale',
                period: '2025Q3',
                slice: '',
                message: 'Règle du serveur non respectée.',
                cells: [{ scope: 'mobilite-sociale', indicator: 'MS-HEURES-INSERTION', slice: '' }],
                params: {},
              },
            ],
          },
        },
      }),
    });
    const user = userEvent.setup();
    const hours = await screen.findByRole('textbox', { name: 'Heures travaillées en insertion' });
    await user.type(hours, '50');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const row = hours.closest('tbody')!;
    expect(await within(row).findByText('Règle du serveur non respectée.')).toBeInTheDocument();
    expect(
      screen.getByText('Rien n’a été enregistré ; vos saisies sont conservées.'),
    ).toBeVisible();
    expect(hours).toHaveValue('50');
  });
});
