import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,data,tests,web}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
