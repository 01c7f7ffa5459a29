import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse, type Response } from '@playwright/test';
import { DEMO_PROJECT, DEMO_USERS, signIn, signedInContext } from './helpers';

/**
 * Headers and cookies of the production build (ASVS 5.0 V3 and V14): what every page and API answer carries, read
 * from real responses rather than from the configuration that should produce them.
 */

/** Sample values for the dynamic segments of the demo project; any other segment gets a value that matches nothing. */
const SAMPLE_PARAMS: Record<string, string> = { projectKey: DEMO_PROJECT.key };
const SAMPLE_REFS: Record<string, string> = { requirements: 'EXF-1', specifications: 'STD-1' };

/** Every page of the signed-in app (app/(app)/**\/page.tsx), found on disk so a page added later is checked too. */
function signedInPages(): string[] {
  const root = path.join(process.cwd(), 'app', '(app)');
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((rel) => path.basename(rel) === 'page.tsx')
    .map((rel) => {
      const segments = path.dirname(rel).split(path.sep).filter((s) => s !== '.' && !/^\(.*\)$/.test(s));
      return (
        '/' +
        segments
          .map((segment, i) => {
            const param = /^\[(\w+)\]$/.exec(segment)?.[1];
            if (!param) return segment;
            if (param === 'ref') return SAMPLE_REFS[segments[i - 1] ?? ''] ?? 'X-1';
            return SAMPLE_PARAMS[param] ?? '00000000-0000-4000-8000-000000000000';
          })
          .join('/')
      );
    })
    .sort();
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

type AnyResponse = Response | APIResponse;

function expectCommonHeaders(response: AnyResponse, label: string) {
  const headers = response.headers();
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], label).toContain(headers['referrer-policy']);
  const hsts = /max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '');
  expect(hsts, `${label}: Strict-Transport-Security`).not.toBeNull();
  expect(Number(hsts![1]), label).toBeGreaterThanOrEqual(365 * 24 * 3600);
  expect(headers['x-powered-by'], label).toBeUndefined();
}

function expectNoStore(response: AnyResponse, label: string) {
  const cacheControl = response.headers()['cache-control'] ?? '';
  expect(cacheControl.split(',').map((d) => d.trim()), `${label}: Cache-Control ${cacheControl}`).toContain('no-store');
}

function expectStrictCsp(response: Response, label: string) {
  const csp = response.headers()['content-security-policy'];
  expect(csp, label).toBeTruthy();
  const policy = directives(csp!);
  expect(policy.get('object-src'), label).toEqual(["'none'"]);
  expect(policy.get('base-uri'), label).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), label).toEqual(["'none'"]);
  const scripts = policy.get('script-src') ?? [];
  expect(scripts.some((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s)), label).toBe(true);
  expect(scripts, label).not.toContain("'unsafe-inline'");
  expect(scripts, label).not.toContain("'unsafe-eval'");
  expect(policy.get('form-action'), label).toEqual(["'self'"]);
}

test('the session cookie is __Secure-/__Host-, HttpOnly, Secure and SameSite; so is every cookie Auth.js sets', async ({ browser }) => {
  const context = await browser.newContext();
  await signIn(await context.newPage(), DEMO_USERS.viewer.email, undefined, { throughForm: true });
  const cookies = await context.cookies();
  const session = cookies.filter((c) => /^__(Secure|Host)-authjs\.session-token(\.\d+)?$/.test(c.name));
  expect(session.length, JSON.stringify(cookies.map((c) => c.name))).toBeGreaterThanOrEqual(1);
  // No copy of the session under a name without the prefix, which a sibling subdomain or plain HTTP could plant.
  expect(cookies.filter((c) => /^authjs\.session-token/.test(c.name))).toEqual([]);
  for (const cookie of cookies.filter((c) => c.name.includes('authjs.'))) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.secure, cookie.name).toBe(true);
    expect(['Lax', 'Strict'], cookie.name).toContain(cookie.sameSite);
    expect(cookie.path, cookie.name).toBe('/');
    if (cookie.name.startsWith('__Host-')) expect(cookie.domain, cookie.name).toBe('localhost');
  }
  await context.close();
});

test('pages carry the strict CSP, HSTS, nosniff and Referrer-Policy; signed-in pages are never stored', async ({ browser, page }) => {
  const login = await page.goto('/login');
  expect(login!.status()).toBe(200);
  expectCommonHeaders(login!, '/login');
  expectStrictCsp(login!, '/login');
  // Two responses never share a nonce.
  const again = await page.request.get('/login');
  expect(again.headers()['content-security-policy']).not.toBe(login!.headers()['content-security-policy']);

  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const pages = signedInPages();
  expect(pages).toEqual(expect.arrayContaining(['/projects', `/projects/${DEMO_PROJECT.key}/settings`, '/profile', '/admin/users']));
  for (const url of pages) {
    const response = await owner.page.goto(url);
    expect(response, url).not.toBeNull();
    expect(response!.status(), url).toBeLessThan(500);
    expectCommonHeaders(response!, url);
    expectStrictCsp(response!, url);
    expectNoStore(response!, url);
  }
  await owner.context.close();
});

test('every API answer is no-store, signed in or not, success or failure', async ({ browser, playwright, baseURL }) => {
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const anonymous = await playwright.request.newContext({ baseURL });
  const project = `/api/projects/${DEMO_PROJECT.key}`;
  const urls = [
    `${project}/trace-items?type=requirement&q=paie`,
    `${project}/trace-items?type=nothing`,
    `${project}/traceability/export?what=matrix`,
    '/api/projects/NOPE/trace-items?type=requirement',
    '/api/auth/session',
    '/api/auth/csrf',
    '/api/auth/providers',
    '/api/does-not-exist',
  ];
  for (const [who, request] of [
    ['owner', owner.page.request],
    ['anonymous', anonymous],
  ] as const) {
    for (const url of urls) {
      const response = await request.get(url, { maxRedirects: 0 });
      const label = `${who} GET ${url} → ${response.status()}`;
      expect(response.status(), label).toBeLessThan(500);
      expectCommonHeaders(response, label);
      expectNoStore(response, label);
    }
  }
  // The signed-in reads did answer (the checks above are not only over refusals).
  expect((await owner.page.request.get(urls[0]!)).status()).toBe(200);
  expect((await anonymous.get(urls[0]!)).status()).toBe(401);
  await anonymous.dispose();
  await owner.context.close();
});
