import { type ComponentType, useEffect, useState } from 'react';
import { type Location, matchRoutes, type RouteObject, useLocation, useRoutes } from 'react-router';
import { ErrorMessage, Loading } from '../components/query-state';
import { type LazyModule, useLazyModule } from './lazy-module';
import { NavigationPendingContext } from './navigation-pending';

/** A page in its own chunk (with whatever else it needs loaded, e.g. its texts). */
export type LazyPage = LazyModule<ComponentType>;

/** The page once its chunk is loaded: loading before, an error with a retry if it fails. */
function Deferred({ chunk }: { chunk: LazyPage }) {
  const { module: Component, failed, retry } = useLazyModule(chunk);
  if (Component) return <Component />;
  if (failed) return <ErrorMessage error={null} onRetry={retry} />;
  return <Loading />;
}

/**
 * The element showing `chunk`, to put in a route (`route`) whose `handle` is the chunk, so that
 * PendingRoutes knows what the address needs. `id` names the page: two routes of one page
 * keep its state between them, two pages never share it.
 */
export const lazyElement = (id: string, chunk: LazyPage) => <Deferred key={id} chunk={chunk} />;
export const lazyRoute = (id: string, chunk: LazyPage, route: RouteObject = {}): RouteObject =>
  ({ ...route, element: lazyElement(id, chunk), handle: chunk }) as RouteObject;

const chunksAt = (routes: RouteObject[], location: Location): LazyPage[] =>
  (matchRoutes(routes, location) ?? []).flatMap((m) =>
    m.route.handle ? [m.route.handle as LazyPage] : [],
  );

/**
 * `useRoutes(routes)` with lazy pages, without Suspense (React holds a revealed Suspense
 * boundary back for 300 ms: every first visit of a page would pay it). While the chunks of the
 * next address's routes (their `handle`, see lazyRoute) load, the current page stays shown and
 * `NavigationPendingContext` is true; the very first address shows its pages' loading lines
 * instead. A chunk that cannot be fetched shows its page's error, with a retry.
 */
export function PendingRoutes({ routes }: { routes: RouteObject[] }) {
  const location = useLocation();
  const [shown, setShown] = useState(location);
  const ready = chunksAt(routes, location).every((c) => c.current() !== undefined);
  if (ready && shown !== location) setShown(location);

  useEffect(() => {
    if (ready) return;
    let live = true;
    Promise.allSettled(chunksAt(routes, location).map((c) => c.load())).then(
      () => live && setShown(location),
    );
    return () => {
      live = false;
    };
  }, [routes, location, ready]);

  const visible = ready ? location : shown;
  const element = useRoutes(routes, visible === location ? undefined : visible);
  return (
    <NavigationPendingContext.Provider value={visible !== location}>
      {element}
    </NavigationPendingContext.Provider>
  );
}
