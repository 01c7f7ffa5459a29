#!/usr/bin/env node
/**
 * Finds a Chromium for the Playwright end-to-end suite, or provisions one, so that `npm test` needs no manual step.
 *
 * Lookup order (`findChromium()` in e2e/find-chromium.cjs, also used by playwright.config.ts, so both agree):
 *   1. CHROMIUM_PATH
 *   2. the system's /usr/bin/chromium
 *   3. Playwright's own downloaded browser (what `npx playwright install chromium` puts in its cache)
 * When none is there: try `npx playwright install chromium` (needs internet), then, as root on Debian,
 * `apt-get install -y chromium`; only then fail with a message saying how to install one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../e2e/find-chromium.cjs';

function run(command, args, timeoutMs, env = process.env) {
  console.log(`[ensure-chromium] $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs, killSignal: 'SIGKILL', env });
  if (result.error) console.log(`[ensure-chromium] ${command}: ${result.error.message}`);
  else if (result.status !== 0) console.log(`[ensure-chromium] ${command} exited with ${result.status ?? result.signal}`);
  return !result.error && result.status === 0;
}

function report(found) {
  const label = { CHROMIUM_PATH: 'from CHROMIUM_PATH', system: 'system package', playwright: "Playwright's browser" }[found.source];
  console.log(`[ensure-chromium] Using Chromium (${label}): ${found.path}`);
}

function main() {
  let found = findChromium();
  if (found) return report(found);

  if (process.env.CHROMIUM_PATH) {
    console.error(
      `[ensure-chromium] CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file. ` +
        'Fix it or unset it to let the lookup try /usr/bin/chromium and Playwright’s browser.',
    );
    process.exit(1);
  }

  console.log('[ensure-chromium] No Chromium found; trying `npx playwright install chromium` (needs internet)…');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const cli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  // Where downloads are blocked, fail within minutes rather than hang on each mirror.
  const downloadEnv = { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: '20000', ...process.env };
  const installed = fs.existsSync(cli)
    ? run(process.execPath, [cli, 'install', 'chromium'], 3 * 60_000, downloadEnv)
    : run('npx', ['--no-install', 'playwright', 'install', 'chromium'], 3 * 60_000, downloadEnv);
  found = installed ? findChromium() : null;
  if (found) return report(found);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/etc/debian_version')) {
    console.log('[ensure-chromium] Installing the Debian package instead: apt-get install -y chromium…');
    process.env.DEBIAN_FRONTEND = 'noninteractive';
    if (run('apt-get', ['update'], 10 * 60_000)) run('apt-get', ['install', '-y', 'chromium'], 15 * 60_000);
    found = findChromium();
    if (found) return report(found);
  }

  console.error(
    [
      '[ensure-chromium] No Chromium available for the end-to-end tests. Install one of:',
      '  - the system package:      sudo apt-get install -y chromium   (Debian/Ubuntu; /usr/bin/chromium)',
      "  - Playwright's browser:    npx playwright install chromium    (needs internet)",
      '  - or point to any Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chrome npm run test:e2e',
    ].join('\n'),
  );
  process.exit(1);
}

main();
