import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { NarrativeHistory } from './narrative-history';

const scopes = [
  { slug: 'mobilite-sociale', name: 'Mobilité sociale', kind: 'group' as const, indicators: [] },
];
const change = (id: number, scope: string | null, oldText: string, newText: string) => ({
  id,
  scope,
  oldText,
  newText,
  version: id,
  changedAt: '2025-07-01T08:00:00Z',
  changedBy: 'Claire',
});

describe('NarrativeHistory', () => {
  it('lists each changed text with who, when, the new text and the previous one on demand', async () => {
    const calls = stubFetch({
      'GET /api/poles/test/periods/2025Q2/narrative/history': () => ({
        json: {
          pole: 'test',
          period: '2025Q2',
          changes: [change(2, null, 'Avant.', ''), change(1, 'mobilite-sociale', '', 'Sorties.')],
          nextBefore: null,
        },
      }),
    });
    renderWithProviders(
      <NarrativeHistory pole="test" period="2025Q2" scope={undefined} scopes={scopes} lang="fr" />,
    );
    const region = await screen.findByRole('region', { name: 'Faits marquants — T2 2025' });
    const [first, second] = await within(region).findAllByRole('listitem');
    expect(first).toHaveTextContent(/^Texte du pôle — Claire, 01\/07\/2025 \d\d:\d\d — version 2/);
    expect(first).toHaveTextContent('(effacé)');
    await userEvent.click(within(first!).getByText('Texte précédent'));
    expect(within(first!).getByText('Avant.')).toBeVisible();
    expect(second).toHaveTextContent('Mobilité sociale');
    expect(second).toHaveTextContent('Sorties.');
    expect(calls.map((c) => c.url)).toEqual(['/api/poles/test/periods/2025Q2/narrative/history']);
  });

  it('asks for a quarter when the filter has none, and reads nothing', () => {
    const calls = stubFetch({});
    renderWithProviders(
      <NarrativeHistory
        pole="test"
        period={undefined}
        scope={undefined}
        scopes={scopes}
        lang="fr"
      />,
    );
    expect(
      screen.getByText('Choisissez un trimestre pour voir l’historique de ses faits marquants.'),
    ).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
