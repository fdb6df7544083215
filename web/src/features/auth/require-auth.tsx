import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { Navigate, useLocation } from 'react-router';
import { keys } from '../../api/keys';
import { useSession } from '../../api/session';
import { ErrorMessage, Loading } from '../../components/query-state';
import { onUnauthenticated } from '../../lib/api-client';

/**
 * Renders its children for a logged-in user; otherwise sends to /connexion with the asked-for
 * address, to come back to it after login. A 401 from any call (expired session) does the same.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const qc = useQueryClient();
  const hadSession = useRef(false);
  if (session.data) hadSession.current = true;

  useEffect(() => onUnauthenticated(() => qc.setQueryData(keys.session(), null)), [qc]);

  if (session.isPending) return <Loading />;
  if (session.error)
    return <ErrorMessage error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const suite = encodeURIComponent(location.pathname + location.search);
    return (
      <Navigate to={`/connexion?suite=${suite}${hadSession.current ? '&expiree=1' : ''}`} replace />
    );
  }
  return <>{children}</>;
}
