#!/usr/bin/env node
/**
 * `npm test`: every check — lint and type check side by side, the production build, then Playwright end-to-end and
 * Vitest (unit + integration) side by side. Needs no database server and no env vars; prints one closing line
 * "Tests: N passed, N failed" summing Vitest and Playwright.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

/**
 * Several checks at once. A `live` one prints as it goes; the others' output is held and printed whole when they end,
 * in the given order. A step with `niceness` runs at that lower CPU priority (inherited by its workers). When one
 * fails, the others still running are stopped: the run fails as soon as it can.
 */
async function together(steps) {
  console.log(`\n▶ ${steps.map((s) => s.title).join(' and ')}, side by side`);
  const children = [];
  const runs = steps.map(({ title, command, args, extraEnv = {}, live = false, niceness = 0 }) => {
    const started = Date.now();
    const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    if (niceness) os.setPriority(child.pid, niceness);
    const output = [];
    if (!live) {
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
    }
    return new Promise((resolve) =>
      child.on('close', (status) => {
        if (status !== 0) for (const other of children) if (other !== child && other.exitCode === null) other.kill('SIGINT');
        resolve({ title, command, args, live, status, output, seconds: ((Date.now() - started) / 1000).toFixed(1) });
      }),
    );
  });
  const results = await Promise.all(runs);
  for (const { title, command, args, live, status, output, seconds } of results) {
    if (!live) {
      console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
      process.stdout.write(Buffer.concat(output));
    }
    console.log(status === 0 ? `✓ ${title} (${seconds}s)` : `✗ ${title} failed or stopped after ${seconds}s`);
  }
  const failed = results.find((r) => r.status !== 0);
  if (failed) {
    summarize();
    process.exit(failed.status ?? 1);
  }
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

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
await together([
  { title: 'Lint', command: 'npm', args: ['run', '--silent', 'lint'] },
  { title: 'Type check', command: npx, args: ['tsc', '--noEmit'] },
]);
step('Production build', npx, ['next', 'build']);
step('Chromium', 'node', ['scripts/ensure-chromium.mjs']);
// The end-to-end run (one worker: it keeps about half of a 2-core machine busy) and Vitest side by side, Vitest at a
// lower priority so that the browser journeys, which wait on the server, are served first.
await together([
  {
    title: 'Playwright (end-to-end)',
    command: npx,
    args: ['playwright', 'test', '--reporter=list,json'],
    extraEnv: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(resultsDir, 'playwright.json') },
    live: true,
  },
  {
    title: 'Vitest (unit + integration)',
    command: npx,
    args: [
      'vitest',
      'run',
      '--project=unit',
      '--project=integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(resultsDir, 'vitest.json')}`,
    ],
    niceness: 10,
  },
]);
summarize();
