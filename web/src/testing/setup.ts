import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Forms keep unsaved drafts there: no test inherits the previous one's.
  window.sessionStorage.clear();
});
