import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { QUERY_LOG_PREFIX } from '@/db/query-log';
import { LARGE_ACCOUNT_DOMAIN, LARGE_ACCOUNT_PASSWORD, LARGE_PROJECT, SMALL_PROJECT } from '@/db/seed/large';
import { BUDGETS, evaluateBudgets, ratio, type BudgetCheck } from '@/lib/bench/budgets';
import { formatBytes, formatMs, markdownTable } from '@/lib/bench/table';
import { BENCH_PAGES, LARGE_BENCH_PROJECT, SMALL_BENCH_PROJECT, type BenchPage, type BenchProject } from './bench/pages';

/**
 * `npm run bench:pages [-- --duration 10] [-- --connections 1,16] [-- --embedded | --embedded-only] [-- --only floor]`
 *
 * Production build (built first when there is none, or with --build), `next start` on PostgreSQL (BENCH_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/passerelle_bench, created, migrated and filled by `seed:large` when
 * empty) and, with --embedded, on PGlite (.bench/pglite). Signs in through Auth.js's own endpoints, runs autocannon
 * on every page of scripts/bench/pages.ts, counts SQL statements per page on the small and the large project (a
 * second server start with PASSERELLE_COUNT_QUERIES=1), reads first-load JS from the build, checks the budgets and
 * writes .bench/pages-<date>.{json,md}. Figures only: nothing here is a test.
 */
const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const outDir = path.join(root, '.bench');

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '1,16' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '3202' },
    embedded: { type: 'boolean', default: false },
    'embedded-only': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const DURATION = Number(flags.duration);
const WARMUP = Number(flags.warmup);
const CONNECTIONS = flags.connections.split(',').map(Number);
const BUDGET_CONNECTIONS = Math.max(...CONNECTIONS);
const PORT = Number(flags.port);
const BASE = `http://127.0.0.1:${PORT}`;
const PAGES = BENCH_PAGES.filter(
  (p) => !flags.only || p.kind !== 'heavy' || p.name.toLowerCase().includes(flags.only.toLowerCase()),
);

const LARGE: BenchProject = { ...LARGE_BENCH_PROJECT, key: LARGE_PROJECT.key };
const SMALL: BenchProject = { ...SMALL_BENCH_PROJECT, key: SMALL_PROJECT.key };
const ACCOUNT = { email: `owner@${LARGE_ACCOUNT_DOMAIN}`, password: LARGE_ACCOUNT_PASSWORD };

interface Target {
  label: 'PostgreSQL' | 'PGlite';
  env: Record<string, string>;
  /** Fills the database with seed:large unless the large project is already there. */
  prepare: () => Promise<void>;
}

function log(message: string) {
  console.log(`[bench] ${message}`);
}

/** The environment of a child: ours, without a database choice of our own leaking into the target's. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete merged.DATABASE_URL;
  if (!env.PASSERELLE_COUNT_QUERIES) delete merged.PASSERELLE_COUNT_QUERIES;
  return merged;
}

function run(command: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(command, args, { cwd: root, env: childEnv(env), stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

function ensureBuild() {
  if (!flags.build && fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  log('next build…');
  run(process.execPath, [nextBin, 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
}

function seedLarge(env: Record<string, string>) {
  run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/seed-large.ts', '--if-empty'], env);
}

async function ensurePostgresDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const admin = postgres({ ...parseUrl(url), database: 'postgres', max: 1, onnotice: () => {} });
  try {
    const exists = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists.length === 0) {
      log(`creating database ${name}`);
      await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
}

function parseUrl(url: string) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432), username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

interface Server {
  child: ChildProcess;
  /** Statement lines seen on stderr so far (only with PASSERELLE_COUNT_QUERIES=1). */
  statements: string[];
  stop: () => Promise<void>;
}

async function startServer(target: Target, countQueries: boolean): Promise<Server> {
  const env: Record<string, string> = {
    ...target.env,
    PORT: String(PORT),
    AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    PASSERELLE_SEED_DEMO: 'false',
    ...(countQueries && { PASSERELLE_COUNT_QUERIES: '1' }),
  };
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(PORT)], {
    cwd: root,
    env: { ...childEnv(env), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const statements: string[] = [];
  let pending = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(QUERY_LOG_PREFIX)) statements.push(line.slice(QUERY_LOG_PREFIX.length + 1));
      else if (line.trim()) process.stderr.write(`[server] ${line}\n`);
    }
  });
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode})`);
    try {
      if ((await fetch(`${BASE}/api/health`)).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('next start did not answer /api/health within 2 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    statements,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Auth.js's own sign-in: CSRF token (and its cookie), then the credentials callback; keeps the session cookie. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, email: ACCOUNT.email, password: ACCOUNT.password, callbackUrl: `${BASE}/projects` }),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => /authjs\.session-token/.test(name))) {
    throw new Error(`sign-in as ${ACCOUNT.email} failed (status ${callback.status}): was seed:large run on this database?`);
  }
  return header();
}

async function fetchPage(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: body.length };
}

interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  /** Null when no request got a 2xx answer (all timed out or failed): there is no latency to report. */
  p50: number | null;
  p97_5: number | null;
  p99: number | null;
  non2xx: number;
  errors: number;
}

async function load(url: string, cookie: string, connections: number, duration: number): Promise<LoadResult> {
  // A generous timeout: a page slower than 30 s under load is a figure to see, not a timeout to hide.
  const result = await autocannon({ url, connections, duration, timeout: 30, headers: { cookie } });
  const answered = result['2xx'] > 0;
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50: answered ? result.latency.p50 : null,
    p97_5: answered ? result.latency.p97_5 : null,
    p99: answered ? result.latency.p99 : null,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

interface PageResult {
  name: string;
  kind: BenchPage['kind'];
  path: string;
  status: number;
  htmlBytes: number;
  loads: LoadResult[];
  statements: { small: number | null; large: number | null };
}

async function measureTarget(target: Target): Promise<PageResult[]> {
  await target.prepare();
  const results: PageResult[] = [];
  log(`${target.label}: timing ${PAGES.length} pages, ${CONNECTIONS.join(' and ')} connections, ${DURATION} s each`);
  const server = await startServer(target, false);
  try {
    const cookie = await signIn();
    for (const page of PAGES) {
      const pagePath = page.path(LARGE);
      const url = `${BASE}${pagePath}`;
      const pageCookie = page.kind === 'health' ? '' : cookie;
      const { status, bytes } = await fetchPage(url, pageCookie);
      if (status === 404) {
        // A page not built yet (another branch): reported as missing, not timed, not held to a budget.
        log(`  ${page.name.padEnd(30)} missing (404)`);
        results.push({ name: page.name, kind: page.kind, path: pagePath, status, htmlBytes: bytes, loads: [], statements: { small: null, large: null } });
        continue;
      }
      if (WARMUP > 0) await load(url, pageCookie, 4, WARMUP);
      const loads: LoadResult[] = [];
      for (const connections of CONNECTIONS) loads.push(await load(url, pageCookie, connections, DURATION));
      const top = loads.at(-1)!;
      log(`  ${page.name.padEnd(30)} ${status} ${formatBytes(bytes).padStart(9)}  ${top.requestsPerSecond.toFixed(1)} req/s  p97.5 ${formatMs(top.p97_5)} ms`);
      results.push({ name: page.name, kind: page.kind, path: pagePath, status, htmlBytes: bytes, loads, statements: { small: null, large: null } });
    }
  } finally {
    await server.stop();
  }

  log(`${target.label}: counting SQL statements per page (small ${SMALL.key} and large ${LARGE.key})`);
  const counting = await startServer(target, true);
  try {
    const cookie = await signIn();
    // The health route's own `select 1` closes each page's window: everything logged before it belongs to the page.
    const count = async (pagePath: string) => {
      const start = counting.statements.length;
      await fetchPage(`${BASE}${pagePath}`, cookie);
      await fetchPage(`${BASE}/api/health`, '');
      const deadline = Date.now() + 5_000;
      while (!counting.statements.slice(start).includes('select 1')) {
        if (Date.now() > deadline) throw new Error(`the query counter saw no health marker: ${JSON.stringify(counting.statements.slice(-5))} of ${counting.statements.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return counting.statements.slice(start).indexOf('select 1');
    };
    for (const result of results) {
      const page = PAGES.find((p) => p.name === result.name)!;
      if (page.kind === 'health' || result.status === 404) continue;
      // Twice each and the second kept: the first request of a route may warm caches that later ones reuse.
      await count(page.path(SMALL));
      result.statements.small = await count(page.path(SMALL));
      await count(page.path(LARGE));
      result.statements.large = await count(page.path(LARGE));
    }
  } finally {
    await counting.stop();
  }
  return results;
}

function firstLoadJs(): { route: string; rawBytes: number; gzipBytes: number }[] {
  const file = path.join(root, '.next', 'diagnostics', 'route-bundle-stats.json');
  const stats = JSON.parse(fs.readFileSync(file, 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipOf = new Map<string, number>();
  const rawOf = new Map<string, number>();
  return stats
    .map(({ route, firstLoadChunkPaths }) => {
      let rawBytes = 0;
      let gzipBytes = 0;
      for (const chunk of firstLoadChunkPaths) {
        if (!gzipOf.has(chunk)) {
          const content = fs.readFileSync(path.join(root, chunk));
          rawOf.set(chunk, content.length);
          gzipOf.set(chunk, gzipSync(content).length);
        }
        rawBytes += rawOf.get(chunk)!;
        gzipBytes += gzipOf.get(chunk)!;
      }
      return { route, rawBytes, gzipBytes };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

function pageTable(results: PageResult[]): string {
  const health = results.find((r) => r.kind === 'health');
  const floor = results.find((r) => r.kind === 'floor');
  const rows = results.flatMap((r) =>
    r.loads.length === 0 ? [[r.name, '–', 'missing (404)', '–', '–', '–', '–', '–', '–']] : r.loads.map((l) => {
      const reference = floor?.loads.find((f) => f.connections === l.connections)?.p97_5 ?? null;
      const healthReference = health?.loads.find((h) => h.connections === l.connections)?.p97_5 ?? null;
      const versus = l.p97_5 === null ? null : r.kind === 'floor' ? ratio(l.p97_5, healthReference) : ratio(l.p97_5, reference);
      return [
        r.name,
        l.connections,
        l.requestsPerSecond.toFixed(1),
        formatMs(l.p50),
        formatMs(l.p97_5),
        formatMs(l.p99),
        versus === null ? '–' : `${versus.toFixed(2)}${r.kind === 'floor' ? ' (÷ health)' : ''}`,
        formatBytes(r.htmlBytes),
        `${l.errors} / ${l.non2xx}`,
      ];
    }),
  );
  return markdownTable(['page', 'conn.', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'p97.5 ÷ floor', 'HTML', 'errors / non-2xx'], rows);
}

function statementTable(results: PageResult[]): string {
  return markdownTable(
    ['page', `SQL, small (${SMALL.key})`, `SQL, large (${LARGE.key})`],
    results.filter((r) => r.kind !== 'health').map((r) => [r.name, r.statements.small ?? '–', r.statements.large ?? '–']),
  );
}

function budgetsOf(results: PageResult[], routes: { route: string; gzipBytes: number }[]): BudgetCheck[] {
  const at = (r: PageResult | undefined) => r?.loads.find((l) => l.connections === BUDGET_CONNECTIONS)?.p97_5 ?? null;
  return evaluateBudgets({
    healthP97_5: at(results.find((r) => r.kind === 'health')),
    floorP97_5: at(results.find((r) => r.kind === 'floor')),
    pages: results
      .filter((r) => r.kind !== 'health' && r.status !== 404)
      .map((r) => ({
        name: r.name,
        p97_5: at(r),
        htmlBytes: r.htmlBytes,
        heavy: r.kind === 'heavy',
        failedRequests: r.loads.reduce((n, l) => n + l.errors + l.non2xx, 0) + (r.status === 200 ? 0 : 1),
      })),
    statements: results.filter((r) => r.kind !== 'health' && r.status !== 404).map((r) => ({ name: r.name, ...r.statements })),
    routes,
  });
}

async function main() {
  ensureBuild();
  const benchUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/passerelle_bench';
  const pgliteDir = path.join(outDir, 'pglite');
  const targets: Target[] = [];
  if (!flags['embedded-only']) {
    targets.push({
      label: 'PostgreSQL',
      env: { DATABASE_URL: benchUrl },
      prepare: async () => {
        await ensurePostgresDatabase(benchUrl);
        seedLarge({ DATABASE_URL: benchUrl });
      },
    });
  }
  if (flags.embedded || flags['embedded-only']) {
    targets.push({
      label: 'PGlite',
      env: { PASSERELLE_DATA_DIR: pgliteDir },
      prepare: async () => seedLarge({ PASSERELLE_DATA_DIR: pgliteDir }),
    });
  }

  const routes = firstLoadJs();
  const started = new Date();
  const report: Record<string, unknown> = {
    startedAt: started.toISOString(),
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    budgets: BUDGETS,
    firstLoadJs: routes,
    targets: [] as unknown[],
  };
  const markdown: string[] = [
    `# Page benchmark, ${started.toISOString()}`,
    '',
    `autocannon ${DURATION} s per page and connection count; budgets checked at ${BUDGET_CONNECTIONS} connections on ${LARGE.key}.`,
  ];
  for (const target of targets) {
    const results = await measureTarget(target);
    const checks = budgetsOf(results, routes);
    (report.targets as unknown[]).push({ label: target.label, pages: results, budgets: checks });
    markdown.push(
      '',
      `## ${target.label}`,
      '',
      pageTable(results),
      '',
      '### SQL statements per page',
      '',
      statementTable(results),
      '',
      '### Budgets',
      '',
      markdownTable(['', 'budget', 'subject', 'measured', 'limit'], checks.map((c) => [c.pass ? 'PASS' : 'FAIL', c.budget, c.subject, c.measured, c.limit])),
    );
  }
  markdown.push(
    '',
    '## First-load JS per route (gzip, sum of the chunks)',
    '',
    markdownTable(['route', 'gzip', 'raw'], routes.map((r) => [r.route, formatBytes(r.gzipBytes), formatBytes(r.rawBytes)])),
  );

  fs.mkdirSync(outDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const text = markdown.join('\n') + '\n';
  fs.writeFileSync(path.join(outDir, `pages-${stamp}.json`), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(outDir, `pages-${stamp}.md`), text);
  console.log('\n' + text);
  log(`written to .bench/pages-${stamp}.{json,md}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
