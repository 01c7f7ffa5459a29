#!/usr/bin/env node
/**
 * `npm run test:security`: the security suites with more fuzzing than `npm test` gives them, then their figures.
 * - Vitest: the authorization matrices (actions and routes, Auth.js's endpoints included), foreign ids, mass assignment, response shape, fuzzing
 *   (SECURITY_FUZZ_RUNS, default here 200 runs per property), audit completeness, backups. With TEST_DATABASE_URL
 *   they run on that PostgreSQL server instead of PGlite.
 * - Playwright: headers and cookies, forged requests, against the production build (built if missing).
 * Prints the matrix size (actions × callers, routes × callers), the fuzz runs and the case counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = path.resolve('.test-results', 'security');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const reportFile = path.join(resultsDir, 'figures.jsonl');

const env = { ...process.env, SECURITY_REPORT: reportFile, SECURITY_FUZZ_RUNS: process.env.SECURITY_FUZZ_RUNS ?? '200' };
delete env.DATABASE_URL;

const VITEST_FILES = [
  'tests/integration/authorization-matrix.test.ts',
  'tests/integration/route-authorization.test.ts',
  'tests/integration/security-foreign-ids.test.ts',
  'tests/integration/security-mass-assignment.test.ts',
  'tests/integration/security-response-shape.test.ts',
  'tests/integration/security-fuzz.test.ts',
  'tests/integration/security-audit-completeness.test.ts',
  'tests/integration/security-concurrency.test.ts',
  'tests/integration/security-backup.test.ts',
];
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function step(title, command, args, extraEnv = {}) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`${run.status === 0 ? '✓' : '✗'} ${title} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return run.status === 0;
}

const vitestJson = path.join(resultsDir, 'vitest.json');
const playwrightJson = path.join(resultsDir, 'playwright.json');
const vitestOk = step('Vitest security suites', npx, [
  'vitest',
  'run',
  ...VITEST_FILES,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const playwrightOk =
  step('Chromium', 'node', ['scripts/ensure-chromium.mjs']) &&
  step('Playwright security specs', npx, ['playwright', 'test', 'e2e/security-headers.spec.ts', 'e2e/security-forged-requests.spec.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
const assertions = (vitest?.testResults ?? []).flatMap((file) => file.assertionResults ?? []);
const inDescribe = (title) => assertions.filter((a) => (a.ancestorTitles ?? []).includes(title));
const figures = {};
for (const line of fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8').split('\n') : []) {
  if (!line.trim()) continue;
  for (const [key, value] of Object.entries(JSON.parse(line))) figures[key] = (figures[key] ?? 0) + value;
}

const actionCases = inDescribe('authorization matrix');
const routeCases = inDescribe('route authorization matrix').filter((a) => a.title.includes(' as '));
const authCases = inDescribe('Auth.js endpoints (app/api/auth) in the matrix').filter((a) => a.title.includes(': session'));
const actions = new Set(actionCases.map((a) => a.title.split(' as ')[0]));
const callers = new Set(actionCases.map((a) => a.title.split(' as ')[1]?.split(' → ')[0]));
const passed = assertions.filter((a) => a.status === 'passed').length + (playwright?.stats?.expected ?? 0);
const failed = assertions.filter((a) => a.status === 'failed').length + (playwright?.stats?.unexpected ?? 0);

console.log(`
Security figures (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, ${env.SECURITY_FUZZ_RUNS} fuzz runs per action property):
  authorization matrix: ${actions.size} actions × ${callers.size} callers = ${actionCases.length} cases; ${figures.responseShapeRoutes ?? 0} GET routes × callers = ${routeCases.length} cases; Auth.js endpoints × ${authCases.length} callers
  foreign ids:          ${figures.foreignIdActionParameters ?? 0} action and ${figures.foreignIdRouteParameters ?? 0} route id parameters, ${figures.foreignIdProbes ?? 0} other-project objects sent
  concurrency:          ${figures.concurrencyActions ?? 0} versioned actions, ${figures.concurrencyCalls ?? 0} parallel calls
  mass assignment:      ${figures.massAssignmentActions ?? 0} actions compared by effect, ${figures.massAssignmentExtras ?? 0} extra fields sent
  response shape:       ${figures.responseShapeAnswers ?? 0} answers walked (${figures.responseShapeRoutes ?? 0} routes)
  fuzzing:              ${figures.fuzzProperties ?? 0} properties, ${figures.fuzzRuns ?? 0} runs
  audit completeness:   ${figures.auditedActions ?? 0} actions
  backups:              ${figures.backupTables ?? 0} tables, ${figures.backupRows ?? 0} rows restored and checked
  end-to-end:           ${playwright?.stats?.expected ?? 0} passed, ${playwright?.stats?.unexpected ?? 0} failed
Tests: ${passed} passed, ${failed} failed`);
process.exit(vitestOk && playwrightOk ? 0 : 1);
