import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders, stubFetch } from '../../testing/render';
import { NarrativeSummary } from './narrative-summary';

const narrative = (text: string) => ({
  pole: 'test',
  period: '2025Q2',
  text,
  scopes: {},
  version: text ? 1 : 0,
  updatedAt: null,
  updatedBy: null,
});

describe('NarrativeSummary', () => {
  it('shows the quarter’s text and links to its report', async () => {
    stubFetch({
      'GET /api/poles/test/periods/2025Q2/narrative': () => ({ json: narrative('Forum emploi.') }),
    });
    renderWithProviders(<NarrativeSummary pole="test" period="2025Q2" />);
    const region = await screen.findByRole('region', { name: 'Faits marquants — T2 2025' });
    expect(region).toHaveTextContent('Forum emploi.');
    expect(screen.getByRole('link', { name: 'Lire le rapport de T2 2025' })).toHaveAttribute(
      'href',
      '/poles/test/rapport/2025Q2',
    );
  });

  it('says when the quarter has none, in English too', async () => {
    stubFetch({ 'GET /api/poles/test/periods/2025Q2/narrative': () => ({ json: narrative('') }) });
    renderWithProviders(<NarrativeSummary pole="test" period="2025Q2" />, { lang: 'en' });
    expect(await screen.findByText('No highlights yet for Q2 2025.')).toBeInTheDocument();
  });
});
