import { loadNamespaces, setupI18n } from '../../web/src/app/i18n';

// The app loads a page's texts with its chunk (web/src/app/i18n.ts); the screens rendered here
// outside the router get every namespace first, as the web project's setup does.
setupI18n('fr');
await loadNamespaces();
