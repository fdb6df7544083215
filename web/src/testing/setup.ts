import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadNamespaces, setupI18n } from '../app/i18n';

// The app loads a page's texts with its chunk (app/i18n.ts); screens rendered alone get them all.
setupI18n('fr');
await loadNamespaces();

afterEach(() => {
  cleanup();
  // Forms keep unsaved drafts there: no test inherits the previous one's.
  window.sessionStorage.clear();
});
