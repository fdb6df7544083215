import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../app/i18n';
import { ApiError } from '../lib/api-client';
import { QueryState } from './query-state';

function renderFailed(error: unknown) {
  const refetch = vi.fn();
  render(
    <I18nextProvider i18n={setupI18n('fr')}>
      <QueryState query={{ data: undefined, error, isPending: false, refetch }}>
        {() => null}
      </QueryState>
    </I18nextProvider>,
  );
  return refetch;
}

describe('QueryState — retry', () => {
  it.each([
    ['a network failure', new ApiError(0, 'NETWORK', 'Le serveur est injoignable.')],
    ['a 500', new ApiError(500, 'INTERNAL', 'Erreur interne du serveur.')],
    ['a 503', new ApiError(503, 'INTERNAL', 'Indisponible.')],
    ['an unknown error', new Error('boom')],
  ])('offers a retry after %s', (_what, error) => {
    const refetch = renderFailed(error);
    screen.getByRole('button', { name: 'Réessayer' }).click();
    expect(refetch).toHaveBeenCalledOnce();
  });

  it.each([
    ['a 404 (pole out of scope)', new ApiError(404, 'NOT_FOUND', 'Introuvable.')],
    ['a 403', new ApiError(403, 'FORBIDDEN', 'Accès refusé.')],
    ['a 400', new ApiError(400, 'VALIDATION_FAILED', 'Requête invalide.')],
    ['a 499', new ApiError(499, 'INTERNAL', 'HTTP 499')],
  ])('shows %s without a retry', (_what, error) => {
    renderFailed(error);
    expect(screen.getByRole('alert')).toHaveTextContent(error.message);
    expect(screen.queryByRole('button', { name: 'Réessayer' })).not.toBeInTheDocument();
  });
});
