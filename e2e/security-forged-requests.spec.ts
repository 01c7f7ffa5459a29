import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_USERS, createProject, signedInContext, uniqueEmail, uniqueProjectKey } from './helpers';

/**
 * Forged requests (ASVS 5.0 V3.5, CSRF): server actions called by hand, as another site or a script would, against
 * the production build. Each forgery is refused and writes nothing; the same request made the honest way succeeds,
 * so the refusals come from the defences and not from a malformed request.
 *
 * The action ids come from the build's own manifest, so an action added later is part of the sweep.
 */

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

function builtActions(): Map<string, string> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName, id]));
}

const actions = builtActions();

function actionId(name: string): string {
  const id = actions.get(name);
  if (!id) throw new Error(`${name} is not in the build's server-reference manifest`);
  return id;
}

interface Outcome {
  status: number;
  body: string;
  ok: boolean;
}

/** A server action call as Next's client router sends it (a fetch with the action id and the arguments as JSON). */
async function callAction(
  request: APIRequestContext,
  pagePath: string,
  name: string,
  input: unknown,
  headers: Record<string, string>,
): Promise<Outcome> {
  const response = await request.post(pagePath, {
    headers: {
      Accept: 'text/x-component',
      'Content-Type': 'text/plain;charset=UTF-8',
      'Next-Action': actionId(name),
      ...headers,
    },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  const body = await response.text();
  return { status: response.status(), body, ok: /"ok":true/.test(body) };
}

/** What the owner can see of the instance: a project's journal and header, their project list and the accounts. */
async function fingerprint(page: Page, projectKey: string): Promise<string> {
  const parts: string[] = [];
  await page.goto(`/projects/${projectKey}/audit`);
  parts.push(await page.getByTestId('audit-table').innerText());
  await page.goto(`/projects/${projectKey}`);
  parts.push(await page.getByRole('heading', { level: 1 }).innerText());
  await page.goto('/projects');
  parts.push(await page.locator('main').innerText());
  await page.goto('/admin/users');
  parts.push(await page.locator('main').innerText());
  return parts.join('\n---\n');
}

test('forged server action calls are refused and write nothing; the honest call succeeds', async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // The demo owner is also the instance administrator: every action below is one she may call.
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  const projectPath = `/projects/${project.key}/settings`;
  const rename = (name: string) => ({ projectKey: project.key, name, client: project.client, description: '', version: 1 });
  const newProject = () => ({ key: uniqueProjectKey(), name: 'Projet forgé', client: 'Client forgé' });
  const newAccount = () => ({ name: 'Compte forgé', email: uniqueEmail('forge'), isAdmin: 'true' });

  const forgeries: { label: string; headers: Record<string, string> }[] = [
    { label: 'a foreign Origin', headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } },
    { label: 'a foreign Origin without Sec-Fetch-Site', headers: { Origin: 'https://evil.example' } },
    { label: 'Origin: null (sandboxed frame)', headers: { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' } },
    { label: 'a sibling subdomain', headers: { Origin: 'https://app.localhost.evil.example', 'Sec-Fetch-Site': 'same-site' } },
    { label: 'Sec-Fetch-Site: cross-site with our Origin', headers: { Origin: origin, 'Sec-Fetch-Site': 'cross-site' } },
    { label: 'Sec-Fetch-Site: same-site with our Origin', headers: { Origin: origin, 'Sec-Fetch-Site': 'same-site' } },
    // A browser or extension that strips Origin: Next lets such calls through, the proxy does not.
    { label: 'Sec-Fetch-Site: cross-site without Origin', headers: { 'Sec-Fetch-Site': 'cross-site' } },
    {
      label: 'x-middleware-subrequest and a foreign Origin',
      headers: { Origin: 'https://evil.example', 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    },
  ];

  const before = await fingerprint(owner.page, project.key);
  for (const { label, headers } of forgeries) {
    const calls = [
      await callAction(owner.page.request, projectPath, 'updateProject', rename(`Renommé (${label})`), headers),
      await callAction(owner.page.request, '/projects/new', 'createProject', newProject(), headers),
      await callAction(owner.page.request, '/admin/users', 'createUser', newAccount(), headers),
    ];
    for (const call of calls) {
      expect(call.ok, `${label}: ${call.status} ${call.body.slice(0, 300)}`).toBe(false);
      expect(call.status, label).toBeGreaterThanOrEqual(400);
    }
  }
  expect(await fingerprint(owner.page, project.key)).toBe(before);

  // The control: the same call, as the app's own page makes it, goes through.
  const honest = await callAction(owner.page.request, projectPath, 'updateProject', rename('Renommé honnêtement'), {
    Origin: origin,
    'Sec-Fetch-Site': 'same-origin',
  });
  expect(honest.ok, honest.body.slice(0, 300)).toBe(true);
  await owner.page.goto(`/projects/${project.key}`);
  await expect(owner.page.getByRole('heading', { level: 1, name: 'Renommé honnêtement' })).toBeVisible();
  await owner.context.close();
});

/** CVE-2025-29927: this header once made Next skip the middleware (now the proxy) altogether. */
const SUBREQUEST_HEADERS: Record<string, string>[] = [
  {},
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
];

test('without a session every built action is refused, x-middleware-subrequest does not skip the proxy', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const anonymous = await playwright.request.newContext({ baseURL });
  const owner = await signedInContext(browser, DEMO_USERS.owner.email);
  const project = await createProject(owner.page);
  const before = await fingerprint(owner.page, project.key);

  // Inputs an authorized caller could use, so a refusal is the session's doing, not validation's.
  const inputs: Record<string, unknown> = {
    updateProject: { projectKey: project.key, name: 'Sans session', client: 'x', version: 1 },
    addMember: { projectKey: project.key, email: uniqueEmail('anon'), name: 'Anonyme', role: 'owner' },
    createProject: { key: uniqueProjectKey(), name: 'Sans session', client: 'x' },
    createUser: { name: 'Sans session', email: uniqueEmail('anon'), isAdmin: true },
    createRequirement: { projectKey: project.key, title: 'Sans session', priority: 'must' },
    createSpecification: { projectKey: project.key, title: 'Sans session', body: '', category: 'security' },
  };
  expect(actions.size).toBeGreaterThanOrEqual(20);
  let refused = 0;
  for (const name of actions.keys()) {
    const input = inputs[name] ?? { projectKey: project.key };
    // The sign-in page is public, so the proxy lets the call reach the action itself, which must refuse it.
    for (const pagePath of ['/login', `/projects/${project.key}/settings`]) {
      for (const extra of SUBREQUEST_HEADERS) {
        const call = await callAction(anonymous, pagePath, name, input, { Origin: origin, 'Sec-Fetch-Site': 'same-origin', ...extra });
        expect(call.ok, `${name} on ${pagePath}: ${call.body.slice(0, 300)}`).toBe(false);
        expect(call.status, `${name} on ${pagePath}`).toBeLessThan(500);
        if (pagePath !== '/login') expect(call.status, `${name}: the proxy sends anonymous visitors to sign in`).toBe(307);
        refused += 1;
      }
    }
  }
  expect(refused).toBe(actions.size * 6);
  expect(await fingerprint(owner.page, project.key)).toBe(before);
  await anonymous.dispose();
  await owner.context.close();
});
