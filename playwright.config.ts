import { defineConfig, devices } from '@playwright/test';
// The same lookup as `npm run test:e2e` runs beforehand (which also provisions a browser when none is found).
import { findChromium } from './e2e/find-chromium.cjs';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromium = findChromium();

/**
 * End-to-end suite: Chromium against the production build (`scripts/e2e-server.mjs`), on its own port and a fresh
 * embedded database. Every test makes its own data (unique project keys and e-mails), so order does not matter, and
 * no test counts what another can change (the demo accounts' notifications, say): two files run side by side.
 * Two workers against the one server (PGlite serves one connection): the two cores stay ~96 % busy and the suite took
 * 6.0 min instead of 7.5 with one, on the same machine.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    locale: 'fr-FR',
    // Not Paris on purpose: the journal must show Paris time whatever the browser's (and server's) time zone.
    timezoneId: 'UTC',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium?.path,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/login`,
    // A server left on this port by someone else would hold another database: never reuse it.
    reuseExistingServer: false,
    // Covers a `next build` when there is no build yet.
    timeout: 5 * 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port) },
  },
});
