import { createContext, useContext } from 'react';

/** True while the next page's code loads and the current page stays shown (see ./pending-routes.tsx). */
export const NavigationPendingContext = createContext(false);

export const useNavigationPending = () => useContext(NavigationPendingContext);
