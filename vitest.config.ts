import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * The API suite, run a second time on PostgreSQL (project `node-pg`): every test file of the
 * server and of tests/ (browser tests aside) that builds a test instance or starts a server —
 * so a new API test runs on both engines without a change here. SQLITE_ONLY: tests of what
 * exists on SQLite only (its query plans, file backups, the WAL checkpointer).
 */
const SQLITE_ONLY = new Set([
  'server/src/values/values.repository.test.ts',
  'server/src/db/checkpointer.test.ts',
  'server/src/db/create-db.test.ts',
  'server/src/backup/backup-database.test.ts',
  'server/src/backup/restore-database.test.ts',
  'tests/durability/backup.test.ts',
]);
const USES_A_DATABASE = /createTestInstance|createFuzzInstance|startServer\(/;
function apiTestFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'e2e') continue;
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (/\.test\.ts$/.test(e.name) && !SQLITE_ONLY.has(rel)) {
        if (USES_A_DATABASE.test(fs.readFileSync(rel, 'utf8'))) out.push(rel);
      }
    }
  };
  walk('server/src');
  walk('tests');
  return out.sort();
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          name: 'node',
          include: ['{shared,server,data,tests}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'tests/e2e/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'node-pg',
          include: apiTestFiles(),
          environment: 'node',
          env: { PTCE_TEST_ENGINE: 'postgres' },
          globalSetup: ['server/src/test-support/pg-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/testing/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Cross-package: the web's own hooks and statistics against the real server in-process.
        plugins: [react()],
        test: {
          name: 'consistency',
          include: ['tests/consistency/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/consistency/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
