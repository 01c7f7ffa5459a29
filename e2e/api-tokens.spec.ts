import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import api from '../messages/fr.api.json';
import { DEMO_PROJECT, DEMO_USERS, closeAll, expectNotFound, format, hydrated, signIn, signedInContext, unique } from './helpers';
import { expectAccessible } from './axe';

const t = api.api.tokens;
const p = `/projects/${DEMO_PROJECT.key}`;

/** An HTTP client with no cookies at all: what a CI job has, only the token. */
async function apiClient(baseURL: string | undefined) {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

test('an owner creates a token, sees it once, reads the API with it, then revokes it', async ({ page, baseURL }) => {
  await signIn(page, DEMO_USERS.owner.email);
  await page.goto(`${p}/settings`);
  await page.getByTestId('api-tokens-link').click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  await hydrated(page);

  const name = `CI GitLab ${unique()}`;
  await page.getByLabel(t.name, { exact: true }).fill(name);
  await page.getByLabel(t.scope).selectOption('read');
  await page.getByLabel(t.expiresInDays).fill('30');
  await page.getByRole('button', { name: t.create }).click();
  await expect(page.getByText(t.created)).toBeVisible();
  const secret = await page.getByTestId('new-api-token').inputValue();
  expect(secret).toMatch(/^psl_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(row).toContainText(t.states.active);
  await expectAccessible(page);

  // Shown once: after a reload the page holds only its first characters.
  await page.reload();
  await expect(page.getByTestId('token-row').filter({ hasText: name })).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  // With the token alone (no session), the API answers the project's requirements, an ETag and then a 304.
  const client = await apiClient(baseURL);
  const headers = { authorization: `Bearer ${secret}` };
  const requirements = await client.get(`/api/v1${p}/requirements?limit=5`, { headers });
  expect(requirements.status()).toBe(200);
  const page1 = (await requirements.json()) as { data: { ref: string }[]; nextCursor: string | null };
  expect(page1.data.map((r) => r.ref)).toEqual(['EXF-1', 'EXF-2', 'EXF-3', 'EXF-4', 'EXF-5']);
  expect(page1.nextCursor).not.toBeNull();
  const page2 = (await (await client.get(`/api/v1${p}/requirements?limit=5&cursor=${page1.nextCursor}`, { headers })).json()) as { data: { ref: string }[] };
  expect(page2.data[0]!.ref).toBe('EXF-6');
  const etag = requirements.headers().etag!;
  expect((await client.get(`/api/v1${p}/requirements?limit=5`, { headers: { ...headers, 'if-none-match': etag } })).status()).toBe(304);
  // A read token writes nothing.
  const refused = await client.post(`/api/v1${p}/campaigns`, { headers, data: { name: 'Depuis la CI', type: 'vabf' } });
  expect(refused.status()).toBe(403);
  expect(refused.headers()['content-type']).toBe('application/problem+json');

  // The list shows its last use.
  await page.reload();
  await expect(page.getByTestId('token-row').filter({ hasText: name })).not.toContainText(t.never);

  // Revoked: refused at once.
  page.once('dialog', (dialog) => dialog.accept());
  await hydrated(page);
  await page.getByRole('button', { name: format(t.revokeLabel, { name }) }).click();
  await expect(page.getByTestId('token-message')).toHaveText(t.revoked);
  await expect(page.getByTestId('token-row').filter({ hasText: name })).toContainText(t.states.revoked);
  const afterRevoke = await client.get(`/api/v1${p}/requirements`, { headers });
  expect(afterRevoke.status()).toBe(401);
  expect(await afterRevoke.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  await client.dispose();
});

test('a write token creates a campaign that the campaign pages show', async ({ page, baseURL }) => {
  await signIn(page, DEMO_USERS.owner.email);
  await page.goto(`${p}/settings/api`);
  await hydrated(page);
  await page.getByLabel(t.name, { exact: true }).fill(`Jenkins ${unique()}`);
  await page.getByLabel(t.scope).selectOption('write');
  await page.getByLabel(t.expiresInDays).fill('');
  await page.getByRole('button', { name: t.create }).click();
  const secret = await page.getByTestId('new-api-token').inputValue();

  const client = await apiClient(baseURL);
  const campaignName = `Non-régression nocturne ${unique()}`;
  const created = await client.post(`/api/v1${p}/campaigns`, {
    headers: { authorization: `Bearer ${secret}` },
    data: { name: campaignName, type: 'non_regression', environment: 'CI', build: '2.5.0+42' },
  });
  expect(created.status()).toBe(201);
  const campaign = (await created.json()) as { number: number; status: string };
  expect(campaign.status).toBe('planned');
  expect(created.headers().location).toBe(`/api/v1${p}/campaigns/${campaign.number}/results`);
  await client.dispose();

  await page.goto(`${p}/campaigns/${campaign.number}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(campaignName);
});

/** The README's "push results from a CI job" block, exactly as a reader copies it. */
function readmeCiPush(): string {
  const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
  const block = /\*\*Push results from a CI job\*\*[\s\S]*?```bash\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, 'README.md has the CI push block').toBeTruthy();
  return block!;
}

test('the README’s curl line pushes a CI job’s JUnit report into a campaign with a write token', async ({ page, baseURL }) => {
  await signIn(page, DEMO_USERS.owner.email);
  await page.goto(`${p}/settings/api`);
  await hydrated(page);
  await page.getByLabel(t.name, { exact: true }).fill(`GitLab CI ${unique()}`);
  await page.getByLabel(t.scope).selectOption('write');
  await page.getByRole('button', { name: t.create }).click();
  const secret = await page.getByTestId('new-api-token').inputValue();

  const client = await apiClient(baseURL);
  const created = await client.post(`/api/v1${p}/campaigns`, { headers: { authorization: `Bearer ${secret}` }, data: { name: `CI ${unique()}`, type: 'non_regression' } });
  const campaign = (await created.json()) as { number: number };
  await client.dispose();

  // A CI job's workspace: a Surefire report whose test matches the demo's automated test case by its automation key.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-ci-'));
  fs.mkdirSync(path.join(workspace, 'target/surefire-reports'), { recursive: true });
  fs.writeFileSync(
    path.join(workspace, 'target/surefire-reports/TEST-paie.xml'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="paie.bulletin" tests="1" failures="0"><testcase classname="paie.bulletin" name="cotisations" time="1.2"/></testsuite>\n',
  );
  const output = execFileSync('bash', ['-c', readmeCiPush()], {
    cwd: workspace,
    env: { ...process.env, PASSERELLE_URL: baseURL!, PASSERELLE_TOKEN: secret, PASSERELLE_CAMPAIGN: String(campaign.number), CI_COMMIT_SHORT_SHA: 'a1b2c3d' },
    encoding: 'utf8',
  });
  fs.rmSync(workspace, { recursive: true, force: true });
  expect(JSON.parse(output)).toMatchObject({ campaign: campaign.number, executions: 1, passed: 1, failed: 0, addedToScope: 1, campaignStarted: true });

  // The run shows up in the campaign, with the build given.
  await page.goto(`${p}/campaigns/${campaign.number}`);
  await expect(page.getByText('Non-régression des rubriques de cotisations').first()).toBeVisible();
  const results = await (await apiClient(baseURL)).get(`/api/v1${p}/campaigns/${campaign.number}/results`, { headers: { authorization: `Bearer ${secret}` } });
  expect(await results.json()).toMatchObject({ campaign: { status: 'in_progress' }, totals: { passed: 1 }, data: [{ state: 'passed', latestStatus: 'passed' }] });
});

/** The README's block that pushes into the campaign of a build and reads a release's readiness. */
function readmeBuildPush(): string {
  const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
  const block = /A job that does not know a campaign number[\s\S]*?```bash\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, 'README.md has the build push block').toBeTruthy();
  return block!;
}

test('the README’s build push creates the campaign of a build on its first push, reuses it after, and the readiness read gates', async ({ page, baseURL }) => {
  await signIn(page, DEMO_USERS.owner.email);
  await page.goto(`${p}/settings/api`);
  await hydrated(page);
  await page.getByLabel(t.name, { exact: true }).fill(`Charge ${unique()}`);
  await page.getByLabel(t.scope).selectOption('write');
  await page.getByRole('button', { name: t.create }).click();
  const secret = await page.getByTestId('new-api-token').inputValue();

  // A load test's JMeter XML results (tests/fixtures/jmeter: written after JMeter's documented format).
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-ci-'));
  fs.copyFileSync(path.join(process.cwd(), 'tests/fixtures/jmeter/results-5.6.xml.jtl'), path.join(workspace, 'results.jtl'));
  const build = `b${unique()}`;
  const run = (release: number) =>
    spawnSync('bash', ['-c', readmeBuildPush()], {
      cwd: workspace,
      env: { ...process.env, PASSERELLE_URL: baseURL!, PASSERELLE_TOKEN: secret, PASSERELLE_RELEASE: String(release), CI_COMMIT_SHORT_SHA: build },
      encoding: 'utf8',
    });
  const first = run(1);
  const again = run(1);
  fs.rmSync(workspace, { recursive: true, force: true });
  const pushed = (output: string) => JSON.parse(output.trim()) as { campaign: number; campaignCreated: boolean };
  expect(pushed(first.stdout)).toMatchObject({ campaignCreated: true });
  expect(pushed(again.stdout)).toMatchObject({ campaign: pushed(first.stdout).campaign, campaignCreated: false });

  // The exit status follows the demo release's proposed decision, read the way the block reads it.
  const client = await apiClient(baseURL);
  const readiness = (await (await client.get(`/api/v1${p}/releases/1/readiness`, { headers: { authorization: `Bearer ${secret}` } })).json()) as { proposedDecision: string };
  await client.dispose();
  expect(first.status, first.stderr).toBe(readiness.proposedDecision === 'no_go' ? 1 : 0);

  await page.goto(`${p}/campaigns/${pushed(first.stdout).campaign}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Charge nocturne');
});

test('other roles cannot see the token page, and the API reference is readable by a member', async ({ browser }) => {
  const viewer = await signedInContext(browser, DEMO_USERS.viewer.email);
  await viewer.page.goto(`${p}/settings`);
  await expect(viewer.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(viewer.page.getByTestId('api-tokens-link')).toHaveCount(0);
  await viewer.page.goto(`${p}/settings/api`);
  await expectNotFound(viewer.page);

  const amoe = await signedInContext(browser, DEMO_USERS.amoe.email);
  await amoe.page.goto(`${p}/settings/api`);
  await expectNotFound(amoe.page);
  await amoe.page.goto('/api-docs');
  await expect(amoe.page.getByRole('heading', { level: 1, name: api.api.reference.title })).toBeVisible();
  await expect(amoe.page.locator('#createCampaign')).toContainText('/api/v1/projects/{projectKey}/campaigns');
  await expect(amoe.page.locator('#pushResults')).toContainText('/api/v1/projects/{projectKey}/results');
  await expect(amoe.page.locator('#getReleaseReadiness')).toContainText('/api/v1/projects/{projectKey}/releases/{number}/readiness');
  await expect(amoe.page.locator('#problem-unauthenticated')).toContainText('401');
  const openapi = await amoe.page.request.get('/api/v1/openapi.json');
  expect((await openapi.json()) as { openapi: string }).toMatchObject({ openapi: '3.1.0' });
  await closeAll(viewer.context, amoe.context);
});
