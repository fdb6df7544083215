import { type Location, parsePath, type To, UNSAFE_createBrowserHistory } from 'react-router';

/**
 * Asked before the app leaves `from` for `to` (pathnames): false keeps the page. A check may ask
 * the user (`window.confirm`); it is called once per attempt.
 */
export type LeaveCheck = (from: string, to: string) => boolean;

type History = ReturnType<typeof UNSAFE_createBrowserHistory>;
type Update = { action: History['action']; location: Location };

/**
 * The browser's history with leave checks, for react-router's declarative `<Router>` (which
 * has no `useBlocker`). A push or replace (links, `navigate`, `<Navigate>`) a check refuses does
 * not happen; a back or forward move it refuses is undone (`history.go` the other way, that
 * move's own pop event ignored). A pop without a known index (`delta` null: an entry written
 * outside this history) cannot be undone and goes through.
 */
export function createGuardedHistory(
  history: History = UNSAFE_createBrowserHistory({ v5Compat: true }),
) {
  const checks = new Set<LeaveCheck>();
  let current = history.location.pathname;
  let undoing = false;

  const mayLeave = (to: string) => {
    if (to === current) return true;
    for (const check of checks) if (!check(current, to)) return false;
    return true;
  };
  const pathnameOf = (to: To) => (typeof to === 'string' ? parsePath(to) : to).pathname ?? current;

  return {
    history,
    /** Adds a check until the returned function is called. */
    addCheck(check: LeaveCheck): () => void {
      checks.add(check);
      return () => checks.delete(check);
    },
    /** The navigator given to `<Router>`. */
    navigator: {
      createHref: history.createHref,
      createURL: history.createURL,
      encodeLocation: history.encodeLocation,
      go: history.go,
      push(to: To, state?: unknown) {
        if (mayLeave(pathnameOf(to))) history.push(to, state);
      },
      replace(to: To, state?: unknown) {
        if (mayLeave(pathnameOf(to))) history.replace(to, state);
      },
    },
    /** Calls `listener` with each move that happens (refused moves are not told). */
    listen(listener: (update: Update) => void): () => void {
      return history.listen(({ action, location, delta }) => {
        if (undoing) {
          undoing = false;
          return;
        }
        if (action === 'POP' && delta && !mayLeave(location.pathname)) {
          undoing = true;
          history.go(-delta);
          return;
        }
        current = location.pathname;
        listener({ action, location });
      });
    },
  };
}

export type GuardedHistory = ReturnType<typeof createGuardedHistory>;
