import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, Route, Routes, UNSAFE_createMemoryHistory } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGuardedHistory } from './guarded-history';
import { GuardedBrowserRouter } from './guarded-router';
import { useUnsavedGuard } from './use-unsaved-guard';

function Form({ dirty }: { dirty: boolean }) {
  useUnsavedGuard(dirty, 'Quitter sans enregistrer ?');
  return (
    <>
      <h1>Saisie</h1>
      <Link to="/ailleurs">Ailleurs</Link>
    </>
  );
}

function renderAt(dirty: boolean) {
  const history = UNSAFE_createMemoryHistory({ initialEntries: ['/saisie'], v5Compat: true });
  render(
    <GuardedBrowserRouter history={createGuardedHistory(history)}>
      <Routes>
        <Route path="/saisie" element={<Form dirty={dirty} />} />
        <Route path="/ailleurs" element={<h1>Ailleurs</h1>} />
      </Routes>
    </GuardedBrowserRouter>,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('useUnsavedGuard in the app router', () => {
  it('asks before following a link while dirty, and stays when the answer is no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderAt(true);
    await userEvent.click(screen.getByRole('link', { name: 'Ailleurs' }));
    expect(confirm).toHaveBeenCalledWith('Quitter sans enregistrer ?');
    expect(screen.getByRole('heading').textContent).toBe('Saisie');
  });

  it('leaves on yes', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt(true);
    await userEvent.click(screen.getByRole('link', { name: 'Ailleurs' }));
    expect(screen.getByRole('heading').textContent).toBe('Ailleurs');
  });

  it('does not ask when nothing is unsaved', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    renderAt(false);
    await userEvent.click(screen.getByRole('link', { name: 'Ailleurs' }));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByRole('heading').textContent).toBe('Ailleurs');
  });

  it('asks the browser before a reload or close while dirty', () => {
    renderAt(true);
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
