import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { PATH, POLE, ROUTE, readRoutes, savedBody, stored } from './entry-fixtures';
import { EntryPage } from './entry-page';

type Entry = { indicator: string; value: number | null; version?: number };
const conflictAnswer = {
  status: 409,
  json: {
    error: {
      code: 'CONFLICT',
      message: 'Quelqu’un d’autre a modifié ces valeurs entre-temps ; rien n’a été enregistré.',
      issues: [
        {
          path: ['entries', 0, 'version'],
          code: 'stale_version',
          message: 'MS-SORTIES a été modifié par quelqu’un d’autre.',
          scope: 'mobilite-sociale',
          indicator: 'MS-SORTIES',
          slice: '',
          yourVersion: 1,
          current: {
            value: 9,
            comment: 'chiffre du bilan',
            version: 2,
            updatedAt: '2026-11-20T14:05:00.000Z',
            updatedBy: 'Dominique Martin',
          },
        },
      ],
    },
  },
};

/** The grid with MS-SORTIES stored at 5 (version 1); the first save answers 409. */
function renderConflict() {
  const sent: Entry[][] = [];
  stubFetch({
    ...readRoutes([stored('MS-SORTIES', 5)]),
    [`PUT /api/poles/${POLE}/values`]: (body) => {
      sent.push((body as { entries: Entry[] }).entries);
      return sent.length === 1 ? conflictAnswer : { json: savedBody(body) };
    },
  });
  renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
  return sent;
}

async function typeAndSave(text: string) {
  const user = userEvent.setup();
  await screen.findByLabelText('Sorties de parcours');
  const input = screen.getByRole('textbox', { name: 'Sorties de parcours' });
  await user.clear(input);
  await user.type(input, text);
  await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
  await screen.findByRole('heading', { name: 'Valeurs modifiées par quelqu’un d’autre' });
  return { user, input };
}

describe('EntryPage — conflicts', () => {
  it('shows the other person’s value and who changed it, keeps the typed input', async () => {
    renderConflict();
    const { input } = await typeAndSave('7');
    expect(screen.getByText('Votre valeur : 7 pers.')).toBeInTheDocument();
    expect(
      screen.getByText(/Valeur de Dominique Martin \(20\/11\/2026 \d\d:05\) : 9 pers\./),
    ).toBeInTheDocument();
    expect(screen.getByText(/chiffre du bilan/)).toBeInTheDocument();
    expect(input).toHaveValue('7');
  });

  it('keeping one’s value resends it on the new version', async () => {
    const sent = renderConflict();
    const { user, input } = await typeAndSave('7');
    await user.click(
      screen.getByRole('button', { name: 'Garder ma valeur — Sorties de parcours' }),
    );
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]![0]).toMatchObject({ indicator: 'MS-SORTIES', value: 7, version: 1 });
    expect(sent[1]![0]).toMatchObject({ indicator: 'MS-SORTIES', value: 7, version: 2 });
    expect(await screen.findByText(/Enregistré : 1 valeur\./)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Valeurs modifiées/ })).not.toBeInTheDocument();
    expect(input).toHaveValue('7');
  });

  it('taking their value replaces the input and sends nothing', async () => {
    const sent = renderConflict();
    const { user, input } = await typeAndSave('7');
    await user.click(
      screen.getByRole('button', { name: 'Prendre sa valeur — Sorties de parcours' }),
    );
    expect(input).toHaveValue('9');
    expect(screen.getByRole('textbox', { name: 'Commentaire — Sorties de parcours' })).toHaveValue(
      'chiffre du bilan',
    );
    expect(screen.getByText('Toutes les modifications sont enregistrées.')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
  });

  it('keeps every typed input when the server cannot be reached, and saves on retry', async () => {
    let down = true;
    const calls = stubFetch({
      ...readRoutes([]),
      [`PUT /api/poles/${POLE}/values`]: (body) =>
        down
          ? {
              status: 500,
              json: { error: { code: 'INTERNAL', message: 'Erreur interne du serveur.' } },
            }
          : { json: savedBody(body) },
    });
    renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
    const user = userEvent.setup();
    await screen.findByLabelText('Sorties de parcours');
    const exits = screen.getByRole('textbox', { name: 'Sorties de parcours' });
    await user.type(exits, '12');
    await user.type(
      screen.getByRole('textbox', { name: 'Commentaire — Sorties de parcours' }),
      'note',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Erreur interne du serveur.')).toBeInTheDocument();
    expect(exits).toHaveValue('12');
    expect(screen.getByRole('textbox', { name: 'Commentaire — Sorties de parcours' })).toHaveValue(
      'note',
    );
    expect(screen.getByText('1 modification non enregistrée')).toBeInTheDocument();
    down = false;
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'PUT')[1]!.body).toMatchObject({
      entries: [{ indicator: 'MS-SORTIES', value: 12, comment: 'note', version: 0 }],
    });
  });

  it('says the quarter is locked on a 423 and keeps the input', async () => {
    stubFetch({
      ...readRoutes([]),
      [`PUT /api/poles/${POLE}/values`]: () => ({
        status: 423,
        json: {
          error: { code: 'LOCKED', message: 'Ce trimestre est verrouillé (soumis ou validé).' },
        },
      }),
    });
    renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
    const user = userEvent.setup();
    await screen.findByLabelText('Sorties de parcours');
    const exits = screen.getByRole('textbox', { name: 'Sorties de parcours' });
    await user.type(exits, '3');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(
        'Ce trimestre est verrouillé : les valeurs ne peuvent plus être modifiées.',
      ),
    ).toBeInTheDocument();
    expect(exits).toHaveValue('3');
  });
});

describe('EntryPage — a 409 of another shape', () => {
  it('says the answer is unexpected instead of dropping the conflict silently', async () => {
    const drifted = structuredClone(conflictAnswer);
    delete (drifted.json.error.issues[0] as Partial<(typeof drifted.json.error.issues)[0]>)
      .yourVersion;
    stubFetch({
      ...readRoutes([stored('MS-SORTIES', 5)]),
      [`PUT /api/poles/${POLE}/values`]: () => drifted,
    });
    renderWithProviders(<EntryPage />, { route: ROUTE, path: PATH });
    const user = userEvent.setup();
    const input = await screen.findByRole('textbox', { name: 'Sorties de parcours' });
    await user.clear(input);
    await user.type(input, '7');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText(/Le serveur a envoyé une réponse inattendue/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Valeurs modifiées par quelqu’un d’autre' }),
    ).toBeNull();
  });
});
