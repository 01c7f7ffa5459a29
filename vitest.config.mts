import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { isClosedConnectionWrite } from './db/driver-guard';

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

/** Integration test files that vi.mock a module of their own (tests/setup/request-mocks.ts aside, shared by all). */
const ISOLATED_FILES = [
  'action-follow-ups',
  'api-v1',
  'auth-logger',
  'evidence',
  'proxy-client-address',
  'route-authorization',
  'security-audit-completeness',
  'security-concurrency',
  'security-foreign-ids',
  'security-fuzz',
  'security-mass-assignment',
  'security-response-shape',
  'session-cookie',
  'signoff',
].map((name) => `tests/integration/${name}.test.ts`);

/** What both integration projects share. */
const integration = {
  environment: 'node' as const,
  // next-auth imports `next/server` without an extension, which Node's ESM loader refuses: let Vite resolve it.
  server: { deps: { inline: ['next-auth'] } },
  // Migrates once per run; every test file then starts from its own copy of that database.
  globalSetup: ['tests/setup/global-database.ts'],
  setupFiles: ['tests/setup/request-mocks.ts', 'tests/setup/database.ts', 'tests/setup/storage.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside the react-server condition; tests import server modules directly.
      { find: /^server-only$/, replacement: path.join(root, 'tests/setup/empty.ts') },
    ],
  },
  test: {
    // Integration files spend much of their time waiting on the database: on a 2-core machine the default
    // (cores − 1 = one worker) runs them one by one, twice as slow as two workers.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // postgres.js 3.4.9 throws from a setImmediate when a transaction's backend is terminated (porsager/postgres#1208,
    // unfixed upstream). db/driver-guard.ts catches it in the app and replaces the pool, and
    // tests/postgres/faults-connection.test.ts checks that it happened and was caught; the runner's own listener sees
    // it too, so only that exact driver error is kept out of the run's unhandled errors.
    onUnhandledError: (error) => !isClosedConnectionWrite(error),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts'],
          environment: 'node',
          // Pure functions with no module state, mocks or globals to reset: one module graph per worker instead of
          // one per file (the 80 files took ~19 s, ~6 s of it in their tests).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ISOLATED_FILES,
          ...integration,
          // One module graph per worker instead of one per file: importing the app again for each of ~40 files was
          // ~40 % of this project's time. Each file still gets its own database (setupFiles run for every file);
          // tests/setup/request-mocks.ts keeps one instance of each mock per worker for that reason.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The files of ISOLATED_FILES, each with a module graph of its own.
          name: 'integration-isolated',
          include: ISOLATED_FILES,
          ...integration,
        },
      },
      {
        extends: true,
        test: {
          // Faults only a PostgreSQL server can show (connections killed mid-action): `.ci/run` runs this project
          // with TEST_DATABASE_URL; `npm test` leaves it out, as it needs no database server.
          name: 'postgres',
          include: ['tests/postgres/**/*.test.ts'],
          ...integration,
        },
      },
    ],
  },
});
