import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { GuardedBrowserRouter } from '../lib/guarded-router';
import { setupI18n } from './i18n';
import { AppRoutes } from './router';
import './styles.css';

/**
 * Client errors (4xx) are answers, not glitches: never retried, but a 429 on a read, which
 * says the caller's share of the heavy reads is taken for the moment (its export running).
 */
function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, err) =>
          !(
            err instanceof ApiError &&
            err.status >= 400 &&
            err.status < 500 &&
            err.status !== 429
          ) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [i18n] = useState(() => setupI18n());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <GuardedBrowserRouter>
          <AppRoutes />
        </GuardedBrowserRouter>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
