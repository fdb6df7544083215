import { createContext, type ReactNode, useLayoutEffect, useState } from 'react';
import { Router } from 'react-router';
import { createGuardedHistory, type GuardedHistory, type LeaveCheck } from './guarded-history';

/** Adds a leave check to the app's router (null outside a GuardedBrowserRouter: no checks). */
export const LeaveGuardContext = createContext<((check: LeaveCheck) => () => void) | null>(null);

/**
 * react-router's declarative `<Router>` on the browser's history, with leave checks
 * (`useUnsavedGuard`): what `BrowserRouter` does, plus the blocking the data router's
 * `useBlocker` did, without the data router's code (about 16 KB of gzipped JS).
 */
export function GuardedBrowserRouter({
  children,
  history: given,
}: {
  children: ReactNode;
  /** Tests pass a history of their own. */
  history?: GuardedHistory;
}) {
  const [guarded] = useState(() => given ?? createGuardedHistory());
  const [state, setState] = useState({
    action: guarded.history.action,
    location: guarded.history.location,
  });
  useLayoutEffect(() => guarded.listen(setState), [guarded]);
  return (
    <LeaveGuardContext.Provider value={guarded.addCheck}>
      <Router location={state.location} navigationType={state.action} navigator={guarded.navigator}>
        {children}
      </Router>
    </LeaveGuardContext.Provider>
  );
}
