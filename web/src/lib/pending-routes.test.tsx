import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { Link, Outlet, UNSAFE_createMemoryHistory } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setupI18n } from '../app/i18n';
import { createGuardedHistory } from './guarded-history';
import { GuardedBrowserRouter } from './guarded-router';
import { lazyModule } from './lazy-module';
import { useNavigationPending } from './navigation-pending';
import { lazyElement, lazyRoute, PendingRoutes } from './pending-routes';

/** A page chunk that loads when the test says so. */
function deferredPage(Component: ComponentType) {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  let attempts = 0;
  const chunk = lazyModule(() => {
    attempts += 1;
    return new Promise<ComponentType>((ok, ko) => {
      resolve = () => ok(Component);
      reject = ko;
    });
  });
  return {
    chunk,
    attempts: () => attempts,
    resolve: () => act(async () => resolve()),
    reject: () => act(async () => reject(new Error('offline'))),
  };
}

function Frame() {
  const pending = useNavigationPending();
  return (
    <>
      <Link to="/a">A</Link> <Link to="/b">B</Link>
      <main aria-busy={pending}>
        <Outlet />
      </main>
    </>
  );
}

function setup(at: string) {
  const frame = deferredPage(Frame);
  const a = deferredPage(() => <h1>Page A</h1>);
  const b = deferredPage(() => <h1>Page B</h1>);
  const routes = [
    {
      path: '/',
      element: lazyElement('frame', frame.chunk),
      handle: frame.chunk,
      children: [lazyRoute('a', a.chunk, { path: 'a' }), lazyRoute('b', b.chunk, { path: 'b' })],
    },
  ];
  const history = UNSAFE_createMemoryHistory({ initialEntries: [at], v5Compat: true });
  render(
    <I18nextProvider i18n={setupI18n('fr')}>
      <GuardedBrowserRouter history={createGuardedHistory(history)}>
        <PendingRoutes routes={routes} />
      </GuardedBrowserRouter>
    </I18nextProvider>,
  );
  return { frame, a, b };
}

const heading = () => screen.queryByRole('heading')?.textContent;

describe('PendingRoutes', () => {
  it('shows loading on the first address, then its pages, which load in parallel', async () => {
    const { frame, a } = setup('/a');
    expect(screen.getByText('Chargement…')).toBeInTheDocument();
    expect(frame.attempts()).toBe(1);
    expect(a.attempts()).toBe(1);
    await a.resolve();
    await frame.resolve();
    expect(heading()).toBe('Page A');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
  });

  it('keeps the current page, busy, while the next one loads', async () => {
    const { frame, a, b } = setup('/a');
    await frame.resolve();
    await a.resolve();
    await userEvent.click(screen.getByRole('link', { name: 'B' }));
    expect(heading()).toBe('Page A');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    await b.resolve();
    expect(heading()).toBe('Page B');
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false');
    // loaded once: going back shows it at once
    await userEvent.click(screen.getByRole('link', { name: 'A' }));
    expect(heading()).toBe('Page A');
  });

  it('shows the page’s error with a retry when its chunk cannot be fetched', async () => {
    const { frame, a, b } = setup('/a');
    await frame.resolve();
    await a.resolve();
    await userEvent.click(screen.getByRole('link', { name: 'B' }));
    await b.reject();
    // the page asks once more itself, and says so when that fails too
    expect(b.attempts()).toBe(2);
    await b.reject();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await b.resolve();
    expect(heading()).toBe('Page B');
  });
});
