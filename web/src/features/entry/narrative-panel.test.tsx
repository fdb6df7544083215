import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { NarrativePanel } from './narrative-panel';

const URL = '/api/poles/test/periods/2025Q2/narrative';
const TE = {
  slug: 'transition-ecologique',
  name: 'Transition écologique',
  kind: 'group' as const,
  indicators: [],
};
const stored = (extra: object = {}) => ({
  pole: 'test',
  period: '2025Q2',
  text: 'Forum emploi.',
  scopes: { 'transition-ecologique': 'Benne.' },
  version: 1,
  updatedAt: '2025-07-01T08:00:00Z',
  updatedBy: 'Claire',
  ...extra,
});

function renderPanel(
  props: Partial<Parameters<typeof NarrativePanel>[0]> = {},
  lang: 'fr' | 'en' = 'fr',
) {
  const onDirtyChange = vi.fn();
  const utils = renderWithProviders(
    <NarrativePanel
      pole="test"
      period="2025Q2"
      scope={TE}
      roles={['coordinator']}
      takes="open"
      user={7}
      lang={lang}
      onDirtyChange={onDirtyChange}
      {...props}
    />,
    { lang },
  );
  return { ...utils, onDirtyChange };
}

afterEach(() => sessionStorage.clear());

describe('NarrativePanel', () => {
  it('edits the pole’s and the scope’s texts with a counter, saves them with the version', async () => {
    const calls = stubFetch({
      [`GET ${URL}`]: () => ({ json: stored() }),
      [`PUT ${URL}`]: (body) => ({
        json: stored({ ...(body as object), version: 2, updatedAt: '2025-07-02T09:00:00Z' }),
      }),
    });
    const { onDirtyChange } = renderPanel();
    const pole = await screen.findByLabelText('Faits marquants du pôle — T2 2025');
    const scope = screen.getByLabelText('Faits marquants — Transition écologique');
    expect(pole).toHaveValue('Forum emploi.');
    expect(scope).toHaveValue('Benne.');
    expect(pole).toHaveAccessibleDescription('13 / 10\u202f000 caractères');
    expect(screen.getByRole('status')).toHaveTextContent('Enregistré par Claire le 01/07/2025');
    expect(screen.getByRole('button', { name: 'Enregistrer les faits marquants' })).toBeDisabled();

    await userEvent.type(pole, '{Enter}{Enter}Deux 😀');
    expect(pole).toHaveAccessibleDescription('21 / 10\u202f000 caractères');
    expect(screen.getByRole('status')).toHaveTextContent('Faits marquants non enregistrés.');
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
    await userEvent.clear(scope);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les faits marquants' }));
    expect(await screen.findByText('Faits marquants enregistrés.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      text: 'Forum emploi.\n\nDeux 😀',
      scopes: { 'transition-ecologique': '' },
      version: 1,
    });
    expect(onDirtyChange).toHaveBeenLastCalledWith(false);
  });

  it('refuses a text past 10 000 characters or with a control character before sending', async () => {
    const calls = stubFetch({ [`GET ${URL}`]: () => ({ json: stored() }) });
    renderPanel();
    const pole = await screen.findByLabelText('Faits marquants du pôle — T2 2025');
    fireEvent.change(pole, { target: { value: 'a'.repeat(10_001) } });
    expect(pole).toHaveAccessibleDescription(
      '10\u202f001 / 10\u202f000 caractères 1 caractère de trop.',
    );
    expect(pole).toBeInvalid();
    const save = screen.getByRole('button', { name: 'Enregistrer les faits marquants' });
    expect(save).toBeDisabled();
    fireEvent.change(pole, { target: { value: '😀'.repeat(10_000) } });
    expect(pole).toHaveAccessibleDescription('10\u202f000 / 10\u202f000 caractères');
    expect(save).toBeEnabled();
    fireEvent.change(pole, { target: { value: 'Saut\u000bde ligne Word' } });
    expect(pole).toHaveAccessibleDescription(/caractère invisible non permis/);
    expect(save).toBeDisabled();
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('on a 409 shows their text and keeps mine; keeping mine saves on their version', async () => {
    const theirs = stored({ text: 'Leur version.', version: 3, updatedBy: 'Marc' });
    let puts = 0;
    const calls = stubFetch({
      [`GET ${URL}`]: () => ({ json: stored() }),
      [`PUT ${URL}`]: (body) =>
        ++puts === 1
          ? {
              status: 409,
              json: {
                error: {
                  code: 'CONFLICT',
                  message: 'Modifiés par quelqu’un d’autre.',
                  issues: [
                    {
                      path: ['version'],
                      code: 'stale_narrative',
                      message: 'x',
                      yourVersion: 1,
                      current: theirs,
                    },
                  ],
                },
              },
            }
          : { json: stored({ ...(body as object), version: 4 }) },
    });
    renderPanel();
    const pole = await screen.findByLabelText('Faits marquants du pôle — T2 2025');
    await userEvent.clear(pole);
    await userEvent.type(pole, 'Ma version.');
    await userEvent.keyboard('{Control>}s{/Control}');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Leur version.')).toBeInTheDocument();
    expect(alert).toHaveTextContent(/Version de Marc/);
    expect(pole).toHaveValue('Ma version.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Garder mon texte' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les faits marquants' }));
    expect(await screen.findByText('Faits marquants enregistrés.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { text: 'Ma version.', scopes: { 'transition-ecologique': 'Benne.' }, version: 1 },
      { text: 'Ma version.', scopes: { 'transition-ecologique': 'Benne.' }, version: 3 },
    ]);
  });

  it('taking their text puts it in the field and sends nothing', async () => {
    const theirs = stored({ text: 'Leur version.', version: 3, updatedBy: 'Marc' });
    const calls = stubFetch({
      [`GET ${URL}`]: () => ({ json: stored() }),
      [`PUT ${URL}`]: () => ({
        status: 409,
        json: {
          error: {
            code: 'CONFLICT',
            message: 'x',
            issues: [
              {
                path: ['version'],
                code: 'stale_narrative',
                message: 'x',
                yourVersion: 1,
                current: theirs,
              },
            ],
          },
        },
      }),
    });
    renderPanel({ scope: { ...TE, slug: 'pole', name: 'Pôle', kind: 'pole' } });
    const pole = await screen.findByLabelText('Faits marquants du pôle — T2 2025');
    expect(screen.queryByLabelText(/Faits marquants — /)).toBeNull();
    await userEvent.type(pole, ' Ajout');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer les faits marquants' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Prendre son texte' }));
    expect(pole).toHaveValue('Leur version.');
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([
      { text: 'Forum emploi. Ajout', version: 1 },
    ]);
  });

  it('shows the texts read only when the quarter is locked or the role does not write', async () => {
    stubFetch({ [`GET ${URL}`]: () => ({ json: stored() }) });
    const { unmount } = renderPanel({ takes: 'locked' });
    expect(await screen.findByText('Forum emploi.')).toBeInTheDocument();
    expect(screen.getByText('Benne.')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Les faits marquants sont verrouillés avec le trimestre (soumis ou validé).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    unmount();
    renderPanel({ roles: ['board'] }, 'en');
    expect(
      await screen.findByText('Read only: the pole’s coordination writes the highlights.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'The pole’s highlights — Q2 2025' })).toBeVisible();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('keeps unsaved typing across a remount and says so', async () => {
    stubFetch({ [`GET ${URL}`]: () => ({ json: stored() }) });
    const { unmount } = renderPanel();
    await userEvent.type(await screen.findByLabelText(/du pôle/), ' Suite');
    unmount();
    renderPanel();
    expect(await screen.findByLabelText(/du pôle/)).toHaveValue('Forum emploi. Suite');
    expect(
      screen.getByText('Vos faits marquants non enregistrés ont été remis en place.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Abandonner ces modifications' }));
    expect(screen.getByLabelText(/du pôle/)).toHaveValue('Forum emploi.');
  });
});
