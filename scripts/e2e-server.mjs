#!/usr/bin/env node
/**
 * The server of the end-to-end suite (started by Playwright's `webServer`): the production build, on its own port
 * and its own fresh embedded database, so a run never touches `.data/` nor depends on a previous run.
 *
 * - deletes `.data-e2e/` (PASSERELLE_DATA_DIR), so the server migrates and seeds the demo anew;
 * - runs `next build` first when there is no build (`npm test` builds beforehand; this makes `npm run test:e2e`
 *   work on its own);
 * - starts `next start -p $E2E_PORT` (3100) without DATABASE_URL, so the embedded PGlite is used;
 * - sets 10 rows per page of the big lists (PASSERELLE_LIST_PAGE_ROWS), so the demo project's 25 requirements span
 *   pages, tree levels and matrix windows the way a large project's do.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const dataDir = path.join(root, '.data-e2e');
const port = process.env.E2E_PORT ?? '3100';

const env = {
  ...process.env,
  PASSERELLE_DATA_DIR: dataDir,
  PASSERELLE_LIST_PAGE_ROWS: '10',
  PORT: port,
  NEXT_TELEMETRY_DISABLED: '1',
};
// The embedded database, always: never a developer's or CI's PostgreSQL.
delete env.DATABASE_URL;
delete env.TEST_DATABASE_URL;
delete env.PASSERELLE_SEED_DEMO;
delete env.NODE_ENV;

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('[e2e-server] No production build found: running `next build`…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('[e2e-server] `next build` failed.');
    process.exit(build.status ?? 1);
  }
}

fs.rmSync(dataDir, { recursive: true, force: true });
console.log(`[e2e-server] Starting the production build on port ${port} with a fresh embedded database in ${dataDir}`);
const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, env, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
