#!/usr/bin/env node
/**
 * `npm run test:multi-instance` (run by .ci/run after `npm test` built .next): two `next start` instances on one
 * PostgreSQL database, behind a round-robin HTTP proxy written here. Checks, and fails with a message otherwise:
 * - both instances started together on an empty database migrate it once (advisory lock): every migration of the
 *   journal recorded exactly once, both instances healthy;
 * - signing in goes across instances (the CSRF token from one, the credentials post on the other), and the session
 *   works on both;
 * - signing out (on one) revokes the session on both;
 * - sign-in throttling is shared: wrong passwords spread over both instances block the right one on either.
 * MULTI_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/passerelle_multi) is dropped and created afresh;
 * MULTI_PORT (default 3475) is the proxy, the instances take the next two ports.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { hash } from '@node-rs/argon2';
import postgres from 'postgres';

const databaseUrl = process.env.MULTI_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/passerelle_multi';
const proxyPort = Number(process.env.MULTI_PORT ?? 3475);
const ports = [proxyPort + 1, proxyPort + 2];
const started = Date.now();
const PASSWORD = 'un mot de passe multi-instance';
const EMAIL = 'multi@passerelle.test';
const children = [];

function fail(message) {
  console.error(`✗ multi-instance: ${message}`);
  for (const child of children) child.kill('SIGTERM');
  process.exit(1);
}
function check(condition, message) {
  if (!condition) fail(message);
  console.log(`  ✓ ${message}`);
}

// A fresh database.
const name = new URL(databaseUrl).pathname.slice(1);
if (!/^[a-z0-9_]+$/.test(name)) fail(`unexpected database name ${name}`);
const adminUrl = new URL(databaseUrl);
adminUrl.pathname = '/postgres';
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();

// Both instances at once: they migrate the empty database concurrently.
const env = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: 'multi-instance-secret-multi-instance-secret',
  AUTH_INSECURE_COOKIES: 'true',
};
for (const port of ports) {
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => code !== null && code !== 0 && fail(`instance on ${port} exited with ${code}:\n${output}`));
  children.push(child);
}
process.on('exit', () => children.forEach((child) => child.kill('SIGTERM')));

async function healthy(port) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
const up = await Promise.all(ports.map(healthy));
check(up.every(Boolean), `both instances started together and answer /api/health (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const journal = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync('db/migrations/meta/_journal.json', 'utf8')));
const [applied] = await sql`select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations`;
check(applied.n === journal.entries.length && applied.d === applied.n, `each of the ${journal.entries.length} migrations applied once (${applied.n} rows)`);

// One account, as `npm run user:create` would leave it once its password is chosen.
const passwordHash = await hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
await sql`insert into users (email, name, password_hash) values (${EMAIL}, 'Multi Instance', ${passwordHash})`;

// The round-robin proxy; each answer says which instance gave it.
let next = 0;
const proxy = http.createServer((request, response) => {
  const port = ports[next++ % ports.length];
  const upstream = http.request({ host: '127.0.0.1', port, path: request.url, method: request.method, headers: request.headers }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-instance': String(port) });
    answer.pipe(response);
  });
  upstream.on('error', () => response.writeHead(502).end());
  request.pipe(upstream);
});
await new Promise((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${proxyPort}`;

const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function keep(response) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const index = pair.indexOf('=');
    jar.set(pair.slice(0, index), pair.slice(index + 1));
  }
}
async function ask(path, init = {}, target = base) {
  const response = await fetch(`${target}${path}`, { redirect: 'manual', ...init, headers: { cookie: cookieHeader(), ...(init.headers ?? {}) } });
  keep(response);
  return response;
}
async function postForm(path, form, target = base) {
  const csrf = await ask('/api/auth/csrf', {}, target);
  const { csrfToken } = await csrf.json();
  const answer = await ask(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, ...form, callbackUrl: `${base}/projects` }),
  }, target);
  return { csrfFrom: csrf.headers.get('x-instance'), postTo: answer.headers.get('x-instance'), answer };
}
const sessionCookie = () => [...jar.keys()].find((k) => /authjs\.session-token/.test(k));
const signedIn = async (port) => (await ask('/profile', {}, `http://127.0.0.1:${port}`)).status === 200;

const signIn = await postForm('/api/auth/callback/credentials', { email: EMAIL, password: PASSWORD });
check(signIn.csrfFrom !== signIn.postTo && sessionCookie() !== undefined, `signed in across instances (CSRF token from ${signIn.csrfFrom}, credentials to ${signIn.postTo})`);
const everywhere = await Promise.all(ports.map(signedIn));
check(everywhere.every(Boolean), 'the session opens /profile on both instances');

const session = jar.get(sessionCookie());
const signOut = await postForm('/api/auth/signout', {});
check([302, 303].includes(signOut.answer.status), `signed out on ${signOut.postTo}`);
jar.set(sessionCookie(), session);
const afterSignOut = await Promise.all(ports.map(signedIn));
check(afterSignOut.every((ok) => !ok), 'the signed-out session cookie, replayed, opens nothing on either instance');
jar.clear();

// Shared throttling: six wrong passwords, three on each instance (the proxy's turns pair a CSRF read with its post,
// so the instances are addressed directly here), then the right one on each.
for (let attempt = 0; attempt < 6; attempt += 1) {
  jar.clear();
  await postForm('/api/auth/callback/credentials', { email: EMAIL, password: 'faux' }, `http://127.0.0.1:${ports[attempt % 2]}`);
  if (sessionCookie() !== undefined) fail('a wrong password signed in');
}
console.log('  ✓ six wrong passwords, three on each instance');
for (const port of ports) {
  jar.clear();
  await postForm('/api/auth/callback/credentials', { email: EMAIL, password: PASSWORD }, `http://127.0.0.1:${port}`);
  check(sessionCookie() === undefined, `the right password is refused on ${port} while the account is throttled`);
}

await sql.end();
proxy.close();
for (const child of children) child.kill('SIGTERM');
console.log(`✓ multi-instance: all checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
