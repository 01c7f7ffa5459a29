import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '');

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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // next-auth imports `next/server` without an extension, which Node's ESM loader refuses: let Vite resolve it.
          server: { deps: { inline: ['next-auth'] } },
          // Migrates once per run; every test file then starts from its own copy of that database.
          globalSetup: ['tests/setup/global-database.ts'],
          setupFiles: ['tests/setup/request-mocks.ts', 'tests/setup/database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
