import { useContext, useEffect } from 'react';
import { LeaveGuardContext } from './guarded-router';

/**
 * While `dirty`, leaving the page asks first: the browser's own prompt on reload or close
 * (beforeunload), a confirmation on a move to another page inside the app (a link, a
 * `navigate`, back or forward; a change of the query string only is not leaving).
 */
export function useUnsavedGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const addCheck = useContext(LeaveGuardContext);
  useEffect(() => {
    if (!dirty || !addCheck) return;
    return addCheck(() => window.confirm(message));
  }, [addCheck, dirty, message]);
}
