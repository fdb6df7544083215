import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { authMessages } from '../features/auth/messages';
import { setApiLanguage } from '../lib/api-client';
import { commonMessages } from './messages';

type Catalogue = { fr: Record<string, unknown>; en: Record<string, unknown> };

/** In the first load: the frame's texts and the login page's. */
const eager = { common: commonMessages, auth: authMessages };

/**
 * Every other namespace is in its own chunk, loaded with the page that shows it (the router's
 * route `lazy` waits for both, see ./router.tsx), so the login page does not carry the texts of
 * every screen. Both languages are added at once: the English switch never shows keys.
 */
const lazyNamespaces = {
  home: () => import('../features/home/messages').then((m) => m.homeMessages),
  entry: () => import('../features/entry/messages').then((m) => m.entryMessages),
  dashboard: () => import('../features/dashboard/messages').then((m) => m.dashboardMessages),
  history: () => import('../features/history/messages').then((m) => m.historyMessages),
  targets: () => import('../features/targets/messages').then((m) => m.targetsMessages),
  cress: () => import('../features/cress/messages').then((m) => m.cressMessages),
  admin: () => import('../features/admin/messages').then((m) => m.adminMessages),
  report: () => import('../features/report/messages').then((m) => m.reportMessages),
  exports: () => import('../features/exports/messages').then((m) => m.exportsMessages),
  import: () => import('../features/import/messages').then((m) => m.importMessages),
  quality: () => import('../features/quality/messages').then((m) => m.qualityMessages),
  review: () => import('../features/review/messages').then((m) => m.reviewMessages),
  narrative: () => import('../components/narrative-messages').then((m) => m.narrativeMessages),
  workflow: () => import('../components/workflow-messages').then((m) => m.workflowMessages),
  region: () => import('../features/region/messages').then((m) => m.regionMessages),
  notifications: () =>
    import('../features/notifications/messages').then((m) => m.notificationsMessages),
} satisfies Record<string, () => Promise<Catalogue>>;

export type LazyNamespace = keyof typeof lazyNamespaces;

const loading = new Map<LazyNamespace, Promise<void>>();

/**
 * Adds the namespaces' texts (French and English) to i18next, fetching each chunk once; a
 * failed fetch is tried again on the next call (the route's error then offers a reload).
 */
export function loadNamespaces(
  /** All by default (component tests render screens outside the router's loading). */
  namespaces: readonly LazyNamespace[] = Object.keys(lazyNamespaces) as LazyNamespace[],
): Promise<void> {
  return Promise.all(
    namespaces.map((ns) => {
      let p = loading.get(ns);
      if (!p) {
        p = lazyNamespaces[ns]().then(
          (m) => {
            i18n.addResourceBundle('fr', ns, m.fr, true, false);
            i18n.addResourceBundle('en', ns, m.en, true, false);
          },
          (e: unknown) => {
            loading.delete(ns);
            throw e;
          },
        );
        loading.set(ns, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

const STORAGE_KEY = 'ptce-lang';

function resources(lang: 'fr' | 'en') {
  return Object.fromEntries(Object.entries(eager).map(([ns, m]) => [ns, m[lang]]));
}

/** French unless the user chose English before (stored in this browser). */
function initialLanguage(): 'fr' | 'en' {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

/**
 * Initialises i18next once with the first load's catalogues (the others come with their pages,
 * see loadNamespaces); keeps <html lang> and the API in step.
 */
export function setupI18n(lang: 'fr' | 'en' = initialLanguage()) {
  if (!i18n.isInitialized) {
    i18n.use(initReactI18next).init({
      resources: { fr: resources('fr'), en: resources('en') },
      lng: lang,
      fallbackLng: 'fr',
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18n.on('languageChanged', (lng) => {
      document.documentElement.lang = lng;
      setApiLanguage(lng);
      try {
        localStorage.setItem(STORAGE_KEY, lng);
      } catch {
        // private mode: the choice lasts for the page only
      }
    });
  }
  document.documentElement.lang = i18n.language;
  setApiLanguage(i18n.language);
  return i18n;
}
