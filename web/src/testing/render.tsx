import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import { setupI18n } from '../app/i18n';

/**
 * Renders `element` at `path` (matching `route`) inside the real providers: i18n (French),
 * TanStack Query (no retries) and a memory router. Returns Testing Library's queries.
 */
export function renderWithProviders(
  element: ReactNode,
  {
    route = '/',
    path = '/',
    lang = 'fr' as 'fr' | 'en',
    extraRoutes = [] as Array<{ path: string; element: ReactNode }>,
  } = {},
) {
  const i18n = setupI18n(lang);
  if (i18n.language !== lang) i18n.changeLanguage(lang);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const router = createMemoryRouter([{ path, element }, ...extraRoutes], {
    initialEntries: [route],
  });
  const utils = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...utils, client, router };
}

/** A fetch stub answering by "METHOD /path" (query string ignored unless given in the key). */
export function stubFetch(
  routes: Record<string, (body: unknown, url: URL) => { status?: number; json?: unknown }>,
) {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url: url.pathname + url.search, body });
    const handler =
      routes[`${method} ${url.pathname}${url.search}`] ?? routes[`${method} ${url.pathname}`];
    if (!handler)
      return new Response(
        JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Introuvable.' } }),
        { status: 404 },
      );
    const { status = 200, json } = handler(body, url);
    return new Response(status === 204 ? null : JSON.stringify(json), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  globalThis.fetch = fetchStub as typeof fetch;
  return calls;
}

/** Every test of the file runs on `iso` as today's date (only `Date` is faked, not timers). */
export function freezeDate(iso: string) {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
