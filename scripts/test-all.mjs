#!/usr/bin/env node
/**
 * `npm test`: every check, in the order that fails fastest — lint and type check (side by side), Vitest (unit + integration),
 * production build, Playwright end-to-end. Needs no database server and no env vars; prints one closing line
 * "Tests: N passed, N failed" summing Vitest and Playwright.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = path.resolve('.test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

// The suite owns its databases: a developer's DATABASE_URL must not leak into the tests or the e2e server.
const env = { ...process.env };
delete env.DATABASE_URL;

function step(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.error(`✗ ${title} failed after ${seconds}s`);
    summarize();
    process.exit(run.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds}s)`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8'));
  } catch {
    return null;
  }
}

function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = readJson('vitest.json');
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += vitest.numFailedTests ?? 0;
    skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  }
  const playwright = readJson('playwright.json');
  if (playwright?.stats) {
    passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
    failed += playwright.stats.unexpected ?? 0;
    skipped += playwright.stats.skipped ?? 0;
  }
  console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

/**
 * Steps run side by side, their output held back and printed whole, one after the other. For single-threaded
 * steps only: lint and the type check each keep one core busy (~28 s and ~26 s alone on this 2-core machine).
 */
async function together(steps) {
  const started = Date.now();
  const runs = await Promise.all(
    steps.map(
      ([title, command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
          const output = [];
          child.stdout.on('data', (chunk) => output.push(chunk));
          child.stderr.on('data', (chunk) => output.push(chunk));
          child.on('close', (status) => resolve({ title, command, args, status, output: Buffer.concat(output) }));
        }),
    ),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  for (const run of runs) {
    console.log(`\n▶ ${run.title}: ${run.command} ${run.args.join(' ')}`);
    process.stdout.write(run.output);
    console.log(run.status === 0 ? `✓ ${run.title}` : `✗ ${run.title} failed`);
  }
  console.log(`(${runs.map((r) => r.title).join(' and ')} side by side: ${seconds}s)`);
  if (runs.some((r) => r.status !== 0)) {
    summarize();
    process.exit(runs.find((r) => r.status !== 0).status ?? 1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
await together([
  ['Lint', 'npm', ['run', '--silent', 'lint']],
  ['Type check', npx, ['tsc', '--noEmit']],
]);
step('Vitest (unit + integration)', npx, [
  'vitest',
  'run',
  '--project=unit',
  '--project=integration*',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(resultsDir, 'vitest.json')}`,
]);
// The type check above passed: the build need not run it again (next.config.mjs).
step('Production build', npx, ['next', 'build'], { PASSERELLE_TYPES_CHECKED: '1' });
step('Chromium', 'node', ['scripts/ensure-chromium.mjs']);
step('Playwright (end-to-end)', npx, ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(resultsDir, 'playwright.json'),
});
summarize();
