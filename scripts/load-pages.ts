import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { heapAfterFullCollection, liveHeapFloor, type FullCollection } from '@/lib/bench/gc-trace';
import { LARGE_ACCOUNT_DOMAIN, LARGE_ACCOUNT_PASSWORD, LARGE_PROJECT } from '@/db/seed/large';
import { BENCH_PAGES, LARGE_BENCH_PROJECT } from './bench/pages';

/**
 * `npm run load:pages [-- --duration 60] [-- --connections 32] [-- --port 3262] [-- --heap-limit 384]` (issue 7,
 * "Load"): the production build under `next start` on PostgreSQL (LOAD_DATABASE_URL, filled by seed:large when
 * empty), signed in as the large project's owner, autocannon with N connections cycling over every signed-in page
 * of scripts/bench/pages.ts on the large generated project. Fails on any error, timeout or non-2xx answer, and when the server's live heap
 * grows more than --max-heap-growth (default 15 %) from the second half of a warm-up to the second half of the run:
 * the lowest heap left by a full collection in each (`--trace-gc`, lib/bench/gc-trace.ts). The server runs with a
 * bounded old space (--heap-limit MB, `--max-old-space-size`): full collections then come every second or two, and
 * a leak exhausts the heap instead of hiding in a heap V8 lets grow. Resident memory (the `next start` process and
 * its children) is printed beside it. Prints one summary line starting with "load:".
 */
const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.LOAD_DURATION ?? '60' },
    warmup: { type: 'string', default: '20' },
    connections: { type: 'string', default: '32' },
    port: { type: 'string', default: process.env.LOAD_PORT ?? '3262' },
    'max-heap-growth': { type: 'string', default: '0.15' },
    'heap-limit': { type: 'string', default: '384' },
  },
});
const PORT = Number(flags.port);
const BASE = `http://127.0.0.1:${PORT}`;
const DATABASE_URL = process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/passerelle_load';
const project = { ...LARGE_BENCH_PROJECT, key: LARGE_PROJECT.key };
const ALL_PATHS = BENCH_PAGES.filter((p) => p.kind !== 'health').map((p) => p.path(project));

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.PASSERELLE_COUNT_QUERIES;
  return env;
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { cwd: root, env: childEnv({ DATABASE_URL }), stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status})`);
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((s) => Number(s.trim()))
    .filter(Boolean);
  let rss = 0;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    rss = match ? Number(match[1]) * 1024 : 0;
  } catch {
    rss = 0;
  }
  return rss + children.reduce((sum, child) => sum + treeRss(child), 0);
}

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
    body: new URLSearchParams({ csrfToken, email: `owner@${LARGE_ACCOUNT_DOMAIN}`, password: LARGE_ACCOUNT_PASSWORD, callbackUrl: `${BASE}/projects` }),
  });
  keep(callback);
  if (![...jar.keys()].some((name) => /authjs\.session-token/.test(name))) throw new Error(`sign-in failed (status ${callback.status})`);
  return header();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) run([nextBin, 'build']);
  run([path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--conditions=react-server', 'scripts/seed-large.ts', '--if-empty']);
  const child = spawn(process.execPath, ['--trace-gc', `--max-old-space-size=${flags['heap-limit']}`, nextBin, 'start', '-p', String(PORT)], {
    cwd: root,
    env: {
      ...childEnv({ DATABASE_URL, AUTH_SECRET: crypto.randomBytes(32).toString('base64'), AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', PASSERELLE_SEED_DEMO: 'false' }),
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const collections: FullCollection[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const afterMb = heapAfterFullCollection(line);
    if (afterMb !== null) collections.push({ atMs: Date.now(), afterMb });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
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
    const cookie = await signIn();
    // Pages not built yet (another branch) answer 404: reported as missing and left out of the load.
    const paths: string[] = [];
    for (const pagePath of ALL_PATHS) {
      const response = await fetch(`${BASE}${pagePath}`, { headers: { cookie }, redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 404) console.log(`[load] missing (404): ${pagePath}`);
      else paths.push(pagePath);
    }
    const connections = Number(flags.connections);
    const options = { url: BASE, connections, headers: { cookie }, timeout: 30, requests: paths.map((p) => ({ method: 'GET' as const, path: p })) };
    const rssStart = treeRss(child.pid!);
    const warmStarted = Date.now();
    const warm = await autocannon({ ...options, duration: Number(flags.warmup) });
    const rssWarm = treeRss(child.pid!);
    const runStarted = Date.now();
    const result = await autocannon({ ...options, duration: Number(flags.duration) });
    const runEnded = Date.now();
    const rssEnd = treeRss(child.pid!);
    const errors = result.errors + result.timeouts;
    const heapWarm = liveHeapFloor(collections, (warmStarted + runStarted) / 2, runStarted);
    const heapEnd = liveHeapFloor(collections, (runStarted + runEnded) / 2, runEnded + 1);
    const maxGrowth = Number(flags['max-heap-growth']);
    const growth = heapWarm !== null && heapEnd !== null ? heapEnd / heapWarm - 1 : null;
    const heapOk = growth !== null && growth <= maxGrowth;
    const ok = errors === 0 && result.non2xx === 0 && warm.non2xx === 0 && heapOk;
    const heapReport =
      growth === null
        ? `no full collection in the second half of the ${heapWarm === null ? 'warm-up' : 'run'}: the heap check needs a longer run`
        : `live heap ${heapWarm} MB after the warm-up, ${heapEnd} MB at the end (${(growth * 100).toFixed(0)} % growth, limit ${(maxGrowth * 100).toFixed(0)} %; ${collections.length} full collections)`;
    console.log(
      `load: ${ok ? 'PASS' : 'FAIL'} — ${connections} connections × ${flags.duration} s over ${paths.length} pages of ${project.key} ` +
        `(seed:large): ${result.requests.total} requests, ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${errors} errors/timeouts; ` +
        `${heapReport}; RSS ${mb(rssStart)} at start, ${mb(rssWarm)} after ${flags.warmup} s warm-up, ${mb(rssEnd)} after the run`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
