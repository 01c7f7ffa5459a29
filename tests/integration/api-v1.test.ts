import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { z } from 'zod';
import * as tokenActions from '@/app/(app)/projects/[projectKey]/settings/api/actions';
import { getDb } from '@/db/client';
import { listApiTokens } from '@/db/queries/api-tokens';
import { apiTokens, campaigns } from '@/db/schema';
import { decodeCursor } from '@/lib/api/cursor';
import { hashApiToken } from '@/lib/api/token-secret';
import {
  campaignPage,
  campaignResultPage,
  campaignSchema,
  importSummarySchema,
  problemSchema,
  pushSummarySchema,
  releaseReadinessSchema,
  requirementPage,
  specificationPage,
  testCasePage,
  traceLinkPage,
} from '@/lib/api/schemas';
import { actAs, createProjectWithMembers } from '../setup/actors';
import { createApiTokenRow } from '../setup/api-tokens';
import { auditRowsSince, countRows, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';
import { loose } from '../setup/server-actions';
import { createCampaignRow, createExecutionRow, createItemRow } from '../setup/recette-rows';
import { createChecklistItemRow, createGoNoGoRecordRow, createReleaseRow } from '../setup/readiness-rows';
import { findRelease, releaseReadiness } from '@/db/queries/readiness';
import { loadRouteModule } from '../setup/routes';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow, createTestLink } from '../setup/trace-items';

/**
 * The REST API v1 end to end below HTTP: project tokens made by the settings actions, then every endpoint called
 * through its route module with `Authorization: Bearer`, each answer parsed with the zod schema the OpenAPI document
 * is generated from (so the reference cannot promise what the server does not send).
 */

const createApiToken = loose(tokenActions.createApiToken);
const revokeApiToken = loose(tokenActions.revokeApiToken);

const ROUTES = {
  requirements: 'app/api/v1/projects/[projectKey]/requirements/route.ts',
  specifications: 'app/api/v1/projects/[projectKey]/specifications/route.ts',
  testCases: 'app/api/v1/projects/[projectKey]/test-cases/route.ts',
  traceLinks: 'app/api/v1/projects/[projectKey]/trace-links/route.ts',
  campaigns: 'app/api/v1/projects/[projectKey]/campaigns/route.ts',
  results: 'app/api/v1/projects/[projectKey]/campaigns/[number]/results/route.ts',
  readiness: 'app/api/v1/projects/[projectKey]/releases/[number]/readiness/route.ts',
  buildResults: 'app/api/v1/projects/[projectKey]/results/route.ts',
  openapi: 'app/api/v1/openapi.json/route.ts',
} as const;

interface Call {
  method?: 'GET' | 'POST';
  token?: string | null;
  projectKey: string;
  number?: string;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function api(route: keyof typeof ROUTES, call: Call) {
  const handlers = await loadRouteModule(ROUTES[route]);
  const method = call.method ?? 'GET';
  const handler = handlers[method]!;
  const path = ROUTES[route]
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .replace('[projectKey]', encodeURIComponent(call.projectKey))
    .replace('[number]', call.number ?? '');
  const headers = new Headers(call.headers);
  if (call.token) headers.set('authorization', `Bearer ${call.token}`);
  if (call.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const request = new Request(`http://localhost${path}${call.query ? `?${call.query}` : ''}`, {
    method,
    headers,
    body: call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body),
  });
  const response = await handler(request, { params: Promise.resolve({ projectKey: call.projectKey, ...(call.number !== undefined && { number: call.number }) }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

function expectProblem(answer: Awaited<ReturnType<typeof api>>, status: number, code: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.headers.get('cache-control')).toBe('no-store');
  const problem = problemSchema.parse(answer.json);
  expect(problem).toMatchObject({ status, code, type: `/api-docs#problem-${code}` });
  return problem;
}

function parsed<S extends z.ZodType>(schema: S, answer: Awaited<ReturnType<typeof api>>): z.output<S> {
  expect(answer.status, answer.text).toBe(200);
  expect(answer.headers.get('content-type')).toBe('application/json');
  return schema.parse(answer.json);
}

/** A project with requirements (one chapter), specifications, test cases, links (one suspect) and a run campaign. */
async function seededProject() {
  const { project, members } = await createProjectWithMembers();
  const chapter = await createRequirementRow(project, { title: 'Chapitre paie' });
  const requirement = await createRequirementRow(project, { title: 'Calcul du net', parentId: chapter.id, version: 2 });
  const specification = await createSpecificationRow(project, { title: 'Moteur de calcul', status: 'approved' });
  const link = await createLink(project, requirement, specification, { reviewedVersion: 1 });
  const testCase = await createTestCaseRow(project, { title: 'Net = brut − cotisations' });
  const second = await createTestCaseRow(project, { title: 'Bulletin PDF' });
  await createTestLink(project, specification, testCase);
  const campaign = await createCampaignRow(project, { status: 'in_progress', name: 'VABF lot 1' });
  const passedItem = await createItemRow(campaign, project, testCase, { position: 0 });
  await createItemRow(campaign, project, second, { position: 1 });
  await createExecutionRow(passedItem, campaign, project, testCase, { status: 'passed' });
  const write = await createApiTokenRow(project, members.owner, { scope: 'write' });
  const read = await createApiTokenRow(project, members.owner, { scope: 'read' });
  return { project, members, chapter, requirement, specification, link, testCase, second, campaign, write, read };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('API tokens in the project settings', () => {
  test('an owner creates a token: the secret is answered once, only its hash is stored, the journal has no secret', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const audit = await maxAuditId();
    const result = (await createApiToken({ projectKey: project.key, name: ' CI GitLab ', scope: 'write', expiresInDays: '30' })) as {
      ok: boolean;
      data: { id: string; name: string; prefix: string; scope: string; apiToken: string };
    };
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const { id, apiToken, prefix } = result.data;
    expect(apiToken).toMatch(/^psl_/);
    expect(prefix).toBe(apiToken.slice(0, 12));

    const [row] = await getDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row).toMatchObject({ projectId: project.id, name: 'CI GitLab', scope: 'write', tokenHash: hashApiToken(apiToken), createdBy: members.owner.id, revokedAt: null });
    const days = (row!.expiresAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const stored = await queryRows<{ t: string }>(sql`select t::text as t from api_tokens t union all select a::text from audit_events a where a.id > ${audit}`);
    for (const { t } of stored) expect(t).not.toContain(apiToken.slice(12));
    expect(await auditRowsSince(audit)).toEqual([
      { actor_id: members.owner.id, project_id: project.id, entity: 'api_token', entity_id: id, action: 'create' },
    ]);
    expect((await listApiTokens(getDb(), project.id)).map((t) => t.name)).toEqual(['CI GitLab']);
  });

  test('no expiry is a choice; other roles and other projects cannot create or revoke', async () => {
    const { project, members } = await createProjectWithMembers();
    const other = await createProjectWithMembers();
    await actAs(members.owner);
    const created = (await createApiToken({ projectKey: project.key, name: 'Outil', scope: 'read', expiresInDays: '' })) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);
    expect((await getDb().select().from(apiTokens).where(eq(apiTokens.id, created.data.id)))[0]!.expiresAt).toBeNull();

    for (const role of ['amoe', 'amoa', 'moa', 'viewer'] as const) {
      await actAs(members[role]);
      expect(await createApiToken({ projectKey: project.key, name: 'X', scope: 'write' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await revokeApiToken({ projectKey: project.key, tokenId: created.data.id })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    // The owner of another project, naming this project's token from their own project: not found, nothing changed.
    await actAs(other.members.owner);
    const before = await snapshotTables(['api_tokens', 'audit_events']);
    expect(await revokeApiToken({ projectKey: other.project.key, tokenId: created.data.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await revokeApiToken({ projectKey: project.key, tokenId: created.data.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotTables(['api_tokens', 'audit_events'])).toEqual(before);
  });

  test('revoking is journaled, refuses a second time, and the token is refused by the API at once', async () => {
    const { project, members } = await createProjectWithMembers();
    const token = await createApiTokenRow(project, members.owner, { scope: 'read' });
    expect((await api('requirements', { token: token.secret, projectKey: project.key })).status).toBe(200);
    await actAs(members.owner);
    const audit = await maxAuditId();
    expect(await revokeApiToken({ projectKey: project.key, tokenId: token.id })).toMatchObject({ ok: true });
    expect(await auditRowsSince(audit)).toEqual([
      { actor_id: members.owner.id, project_id: project.id, entity: 'api_token', entity_id: token.id, action: 'revoke' },
    ]);
    const [row] = await getDb().select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.revokedBy).toBe(members.owner.id);
    expect(await revokeApiToken({ projectKey: project.key, tokenId: token.id })).toMatchObject({ ok: false, code: 'not_found' });
    const refused = await api('requirements', { token: token.secret, projectKey: project.key });
    expectProblem(refused, 401, 'unauthenticated');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="passerelle", error="invalid_token"');
  });
});

describe('authentication, project binding, scope and rate limit', () => {
  test('no token, a malformed one, an unknown one, a revoked one and an expired one are 401', async () => {
    const { project, members } = await createProjectWithMembers();
    const revoked = await createApiTokenRow(project, members.owner, { revokedAt: new Date() });
    const expired = await createApiTokenRow(project, members.owner, { expiresAt: new Date(Date.now() - 1000) });
    const none = await api('requirements', { projectKey: project.key });
    expectProblem(none, 401, 'unauthenticated');
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="passerelle"');
    for (const token of ['nope', `psl_${'A'.repeat(43)}`, revoked.secret, expired.secret]) {
      expectProblem(await api('requirements', { token, projectKey: project.key }), 401, 'unauthenticated');
    }
    // A session does not open the API: only a token does.
    await actAs(members.owner);
    expectProblem(await api('requirements', { projectKey: project.key }), 401, 'unauthenticated');
  });

  test('a token sees its own project only: another project, an unknown key or a malformed one is 404', async () => {
    const mine = await seededProject();
    const theirs = await seededProject();
    for (const projectKey of [theirs.project.key, 'NOPE', '%ZZ']) {
      const answer = await api('requirements', { token: mine.write.secret, projectKey });
      expectProblem(answer, 404, 'not_found');
      expect(answer.text).not.toContain('Calcul du net');
    }
    // A campaign number that exists in the other project only.
    await createCampaignRow(theirs.project);
    const foreignNumber = String((await getDb().select({ n: campaigns.number }).from(campaigns).where(eq(campaigns.projectId, theirs.project.id))).length);
    expectProblem(await api('results', { token: mine.read.secret, projectKey: mine.project.key, number: foreignNumber }), 404, 'not_found');
    for (const number of ['0', 'abc', '99999999999']) {
      expectProblem(await api('results', { token: mine.read.secret, projectKey: mine.project.key, number }), 404, 'not_found');
    }
  });

  test('a read token cannot write (403, nothing written); a write token can read', async () => {
    const { project, read, write } = await seededProject();
    const before = await snapshotTables(['campaigns', 'audit_events', 'ref_counters']);
    const refused = await api('campaigns', { method: 'POST', token: read.secret, projectKey: project.key, body: { name: 'X', type: 'vabf' } });
    expectProblem(refused, 403, 'forbidden');
    expect(await snapshotTables(['campaigns', 'audit_events', 'ref_counters'])).toEqual(before);
    expect((await api('campaigns', { token: write.secret, projectKey: project.key })).status).toBe(200);
  });

  test('each token has its own request budget: past it, 429 with Retry-After', async () => {
    vi.stubEnv('PASSERELLE_API_RATE_PER_MINUTE', '10');
    const { project, members } = await createProjectWithMembers();
    const busy = await createApiTokenRow(project, members.owner, { scope: 'read' });
    const quiet = await createApiTokenRow(project, members.owner, { scope: 'read' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('requirements', { token: busy.secret, projectKey: project.key })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await api('requirements', { token: busy.secret, projectKey: project.key });
    expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await api('requirements', { token: quiet.secret, projectKey: project.key })).status).toBe(200);
  });

  test('last use is recorded, at most once a minute (reads do not write on every request)', async () => {
    const { project, read } = await seededProject();
    const lastUse = async () => (await getDb().select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, read.id)))[0]!.at;
    expect(await lastUse()).toBeNull();
    await api('requirements', { token: read.secret, projectKey: project.key });
    const first = await lastUse();
    expect(first).not.toBeNull();
    await api('specifications', { token: read.secret, projectKey: project.key });
    expect(await lastUse()).toEqual(first);
    // A minute later (the recorded use moved back), the next request records again.
    await getDb().update(apiTokens).set({ lastUsedAt: new Date(Date.now() - 61_000) }).where(eq(apiTokens.id, read.id));
    await api('requirements', { token: read.secret, projectKey: project.key });
    expect((await lastUse())!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });
});

describe('reads', () => {
  test('requirements, specifications, test cases and trace links, with their fields and refs', async () => {
    const s = await seededProject();
    const auth = { token: s.read.secret, projectKey: s.project.key };
    const requirements = parsed(requirementPage, await api('requirements', auth));
    expect(requirements.data.map((r) => [r.ref, r.title, r.parentRef, r.version])).toEqual([
      ['EXF-1', 'Chapitre paie', null, 1],
      ['EXF-2', 'Calcul du net', 'EXF-1', 2],
    ]);
    expect(requirements.nextCursor).toBeNull();
    const specifications = parsed(specificationPage, await api('specifications', auth));
    expect(specifications.data).toEqual([expect.objectContaining({ ref: 'STD-1', title: 'Moteur de calcul', status: 'approved' })]);
    const testCases = parsed(testCasePage, await api('testCases', auth));
    expect(testCases.data.map((t) => t.ref)).toEqual(['CT-1', 'CT-2']);
    expect(testCases.data[0]!.steps).toEqual([{ action: 'Ouvrir l’écran', expected: 'L’écran s’affiche' }]);
    const links = parsed(traceLinkPage, await api('traceLinks', auth));
    expect(links.data.map((l) => [l.kind, l.upstreamRef, l.downstreamRef, l.suspect]).sort()).toEqual(
      [
        ['requirement_specification', 'EXF-2', 'STD-1', true],
        ['specification_test_case', 'STD-1', 'CT-1', true],
      ].sort(),
    );
    expect(links.data.find((l) => l.kind === 'requirement_specification')).toMatchObject({ reviewedVersion: 1, upstreamVersion: 2 });
  });

  test('campaigns and a campaign’s results with totals per state', async () => {
    const s = await seededProject();
    const auth = { token: s.read.secret, projectKey: s.project.key };
    const list = parsed(campaignPage, await api('campaigns', auth));
    expect(list.data).toEqual([expect.objectContaining({ number: s.campaign.number, name: 'VABF lot 1', status: 'in_progress' })]);
    const results = parsed(campaignResultPage, await api('results', { ...auth, number: String(s.campaign.number) }));
    expect(results.campaign.number).toBe(s.campaign.number);
    expect(results.totals).toEqual({ not_started: 1, in_progress: 0, passed: 1, failed: 0, blocked: 0, not_run: 0 });
    expect(results.data.map((r) => [r.position, r.testCaseRef, r.state, r.latestStatus])).toEqual([
      [0, 'CT-1', 'passed', 'passed'],
      [1, 'CT-2', 'not_started', null],
    ]);
    expect(results.data[0]!.finishedAt).not.toBeNull();
  });

  test('a release’s readiness: the proposed go / no-go and its criteria as the release page computes them, then the recorded decision', async () => {
    const s = await seededProject();
    const auth = { token: s.read.secret, projectKey: s.project.key };
    const release = await createReleaseRow(s.project, [s.campaign], { name: 'Mise en production paie' });
    await createChecklistItemRow(s.project, release);
    const readiness = parsed(releaseReadinessSchema, await api('readiness', { ...auth, number: String(release.number) }));
    // The campaign still runs (blocking), a link is suspect and the checklist item is not done (reservations).
    expect(readiness).toMatchObject({
      release: { number: release.number, name: 'Mise en production paie', targetDate: null },
      proposedDecision: 'no_go',
      campaigns: [{ number: s.campaign.number, name: 'VABF lot 1', status: 'in_progress', results: { total: 2, passed: 1, pending: 1 } }],
      recordedDecision: null,
    });
    expect(Object.fromEntries(readiness.criteria.map((c) => [c.key, c.verdict]))).toMatchObject({ campaignsClosed: 'blocking', suspectLinks: 'reservation', checklist: 'reservation', blockingAnomalies: 'met' });
    const page = await releaseReadiness(getDb(), s.project.id, (await findRelease(getDb(), s.project.id, release.number))!);
    expect(readiness.inputs).toEqual(page.snapshot.inputs);
    expect(readiness.criteria).toEqual(page.snapshot.criteria);

    await createGoNoGoRecordRow(s.project, release, s.members.moa);
    const after = parsed(releaseReadinessSchema, await api('readiness', { ...auth, number: String(release.number) }));
    expect(after.recordedDecision).toEqual({ decision: 'go_with_reservations', recordedAt: '2026-04-01T08:30:00.000Z' });
    expect(after.proposedDecision).toBe('no_go');

    expectProblem(await api('readiness', { ...auth, number: String(release.number + 1) }), 404, 'not_found');
    const other = await createProjectWithMembers();
    const foreign = await createReleaseRow(other.project);
    expect(foreign.number).toBe(1);
    expectProblem(await api('readiness', { ...auth, projectKey: other.project.key, number: '1' }), 404, 'not_found');
  });

  test('cursor paging walks every row once in a stable order; a bad cursor or limit is a 400 problem', async () => {
    const { project, members } = await createProjectWithMembers();
    for (let i = 0; i < 7; i++) await createRequirementRow(project, { title: `Exigence ${i}` });
    const token = await createApiTokenRow(project, members.owner, { scope: 'read' });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: z.output<typeof requirementPage> = parsed(
        requirementPage,
        await api('requirements', { token: token.secret, projectKey: project.key, query: `limit=3${cursor ? `&cursor=${cursor}` : ''}` }),
      );
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((r) => r.ref));
      cursor = page.nextCursor;
      if (cursor) expect(decodeCursor(cursor, ['int'])).toEqual([Number(page.data.at(-1)!.ref.slice(4))]);
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(['EXF-1', 'EXF-2', 'EXF-3', 'EXF-4', 'EXF-5', 'EXF-6', 'EXF-7']);

    for (const query of ['cursor=garbage', 'limit=0', 'limit=201', 'limit=abc']) {
      const problem = expectProblem(await api('requirements', { token: token.secret, projectKey: project.key, query }), 400, 'invalid');
      expect(Object.keys(problem.errors ?? {})).toEqual([query.split('=')[0]]);
    }
  });

  test('trace links and campaign results page by their own keys', async () => {
    const s = await seededProject();
    const auth = { token: s.read.secret, projectKey: s.project.key };
    const first = parsed(traceLinkPage, await api('traceLinks', { ...auth, query: 'limit=1' }));
    const second = parsed(traceLinkPage, await api('traceLinks', { ...auth, query: `limit=1&cursor=${first.nextCursor}` }));
    expect(first.nextCursor).not.toBeNull();
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((l) => l.id)).size).toBe(2);
    const number = String(s.campaign.number);
    const page1 = parsed(campaignResultPage, await api('results', { ...auth, number, query: 'limit=1' }));
    const page2 = parsed(campaignResultPage, await api('results', { ...auth, number, query: `limit=1&cursor=${page1.nextCursor}` }));
    expect([...page1.data, ...page2.data].map((r) => r.testCaseRef)).toEqual(['CT-1', 'CT-2']);
    expect(page2.nextCursor).toBeNull();
  });

  test('ETag and If-None-Match: 304 while unchanged, a new tag after a change', async () => {
    const s = await seededProject();
    const auth = { token: s.read.secret, projectKey: s.project.key };
    const first = await api('requirements', auth);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect(first.headers.get('vary')).toBe('Authorization');
    const again = await api('requirements', { ...auth, headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    await createRequirementRow(s.project, { title: 'Nouvelle exigence' });
    const changed = await api('requirements', { ...auth, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  test('a page reads in a constant number of statements, whatever its size', async () => {
    const { project, members } = await createProjectWithMembers();
    const token = await createApiTokenRow(project, members.owner, { scope: 'read' });
    const campaign = await createCampaignRow(project);
    for (let i = 0; i < 12; i++) {
      const testCase = await createTestCaseRow(project);
      await createItemRow(campaign, project, testCase, { position: i });
    }
    const counted = async (route: keyof typeof ROUTES, query: string, number?: string) => {
      const spy = vi.spyOn(getDb(), 'select');
      try {
        expect((await api(route, { token: token.secret, projectKey: project.key, query, number })).status).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    for (const [route, number] of [['testCases'], ['results', String(campaign.number)]] as const) {
      const small = await counted(route, 'limit=2', number);
      expect(small, route).toBeGreaterThan(0);
      expect(await counted(route, 'limit=12', number), route).toBe(small);
    }
  });
});

describe('creating a campaign', () => {
  test('a write token creates it with the form’s rules, 201 with Location, journaled naming the token', async () => {
    const { project, members, write } = await seededProject();
    const audit = await maxAuditId();
    const created = await api('campaigns', {
      method: 'POST',
      token: write.secret,
      projectKey: project.key,
      body: { name: '  Non-régression  2.5 ', type: 'non_regression', environment: 'CI', build: '2.5.0+42', plannedStart: '2026-12-01', plannedEnd: '' },
    });
    expect(created.status, created.text).toBe(201);
    const campaign = campaignSchema.parse(created.json);
    expect(campaign).toMatchObject({ number: 2, name: 'Non-régression 2.5', type: 'non_regression', status: 'planned', environment: 'CI', build: '2.5.0+42', plannedStart: '2026-12-01', plannedEnd: null });
    expect(created.headers.get('location')).toBe(`/api/v1/projects/${project.key}/campaigns/2/results`);
    const [row] = await getDb().select().from(campaigns).where(and(eq(campaigns.number, 2), eq(campaigns.projectId, project.id)));
    expect(row).toMatchObject({ createdBy: members.owner.id, name: 'Non-régression 2.5' });
    const journal = await queryRows<{ actor_id: string; entity: string; action: string; after: { number: number; apiToken: { id: string; prefix: string } } }>(
      sql`select actor_id, entity, action, after from audit_events where id > ${audit} order by id`,
    );
    expect(journal).toEqual([
      { actor_id: members.owner.id, entity: 'campaign', action: 'create', after: expect.objectContaining({ number: 2, apiToken: { id: write.id, prefix: write.prefix } }) },
    ]);
  });

  test('an invalid body is a 400 problem naming its fields, nothing written; other bodies are 415, 413 or 400', async () => {
    const { project, write } = await seededProject();
    const tables = ['campaigns', 'audit_events', 'ref_counters'];
    const before = await snapshotTables(tables);
    const post = (body: unknown, headers?: Record<string, string>) => api('campaigns', { method: 'POST', token: write.secret, projectKey: project.key, body, headers });

    const invalid = expectProblem(await post({ name: '', type: 'picnic', plannedStart: '2026-02-30' }), 400, 'invalid');
    expect(Object.keys(invalid.errors!).sort()).toEqual(['name', 'plannedStart', 'type']);
    const endBeforeStart = expectProblem(await post({ name: 'X', type: 'vabf', plannedStart: '2026-03-10', plannedEnd: '2026-03-01' }), 400, 'invalid');
    expect(Object.keys(endBeforeStart.errors!)).toEqual(['plannedEnd']);
    const extra = expectProblem(await post({ name: 'X', type: 'vabf', status: 'closed' }), 400, 'invalid');
    expect(extra.errors).toBeDefined();
    expectProblem(await post('{"name":', {}), 400, 'invalid');
    expectProblem(await post({ name: 'X\u0000', type: 'vabf' }), 400, 'invalid');
    expectProblem(await post('name=X', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    expectProblem(await post({ name: 'X', type: 'vabf', description: 'x'.repeat(300 * 1024) }), 413, 'payload_too_large');
    expect(await snapshotTables(tables)).toEqual(before);
  });

  test('the campaign form and the API create through the same query: numbers follow one series', async () => {
    const { project, write } = await seededProject();
    const numbers = [];
    for (let i = 0; i < 2; i++) {
      const created = await api('campaigns', { method: 'POST', token: write.secret, projectKey: project.key, body: { name: `C${i}`, type: 'vabf' } });
      numbers.push(campaignSchema.parse(created.json).number);
    }
    expect(numbers).toEqual([2, 3]);
    expect(await countRows('campaigns', sql`project_id = ${project.id}`)).toBe(3);
  });
});

describe('pushing results into a campaign', () => {
  const junit = (name: string, outcome = '') =>
    `<?xml version="1.0" encoding="UTF-8"?><testsuites><testsuite name="paie" tests="1"><testcase classname="paie.Net" name="${name}" time="0.4">${outcome}</testcase></testsuite></testsuites>`;

  async function push(s: Awaited<ReturnType<typeof seededProject>>, body: BodyInit, headers: Record<string, string>, query = '', token = s.write.secret) {
    const handler = (await loadRouteModule(ROUTES.results)).POST!;
    const path = `/api/v1/projects/${s.project.key}/campaigns/${s.campaign.number}/results`;
    const response = await handler(
      new Request(`http://localhost${path}${query ? `?${query}` : ''}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body }),
      { params: Promise.resolve({ projectKey: s.project.key, number: String(s.campaign.number) }) },
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  }

  test('a raw JUnit body records one execution per matched test case, journaled naming the token', async () => {
    const s = await seededProject();
    const audit = await maxAuditId();
    const answer = await push(s, junit('CT-2 produit le bulletin', '<failure message="PDF vide"/>'), { 'content-type': 'application/xml' }, 'build=2.5.0%2B42&environment=CI');
    expect(answer.status, answer.text).toBe(200);
    expect(importSummarySchema.parse(answer.json)).toEqual({ campaign: s.campaign.number, executions: 1, passed: 0, failed: 1, open: 0, createdTestCases: 0, addedToScope: 0, campaignStarted: false });
    const runs = await queryRows<{ status: string; build: string; environment: string; source: string; executed_by: string }>(
      sql`select status, build, environment, source, executed_by from executions where test_case_id = ${s.second.id}`,
    );
    expect(runs).toEqual([{ status: 'failed', build: '2.5.0+42', environment: 'CI', source: 'junit', executed_by: s.members.owner.id }]);
    const journal = await queryRows<{ action: string; after: { apiToken: unknown; executions: number } }>(sql`select action, after from audit_events where id > ${audit}`);
    expect(journal).toEqual([{ action: 'results_import', after: expect.objectContaining({ executions: 1, apiToken: { id: s.write.id, prefix: s.write.prefix } }) }]);
    // The results read back through the API.
    const results = parsed(campaignResultPage, await api('results', { token: s.read.secret, projectKey: s.project.key, number: String(s.campaign.number) }));
    expect(results.data.find((r) => r.testCaseRef === 'CT-2')).toMatchObject({ state: 'failed', latestStatus: 'failed' });
  });

  test('multipart parts named file, several at once; unmatched cases proposed only when asked', async () => {
    const s = await seededProject();
    const form = new FormData();
    form.append('file', new File([junit('CT-1 net')], 'TEST-net.xml', { type: 'application/xml' }));
    form.append('file', new File([junit('calcule les congés')], 'TEST-conges.xml', { type: 'application/xml' }));
    const answer = await push(s, form, {}, 'createProposed=true');
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toMatchObject({ executions: 2, passed: 2, createdTestCases: 1, addedToScope: 1 });
  });

  test('refusals write nothing: read token, closed campaign, malformed XML, XXE, other body types, unknown campaign', async () => {
    const s = await seededProject();
    const tables = ['executions', 'campaign_items', 'test_cases', 'audit_events', 'campaigns'];
    const before = await snapshotTables(tables);
    const xml = { 'content-type': 'application/xml' };
    expectProblem(await push(s, junit('CT-1'), xml, '', s.read.secret), 403, 'forbidden');
    const malformed = expectProblem(await push(s, '<testsuite><testcase', xml), 400, 'invalid');
    expect(malformed.detail).toMatch(/XML/);
    const xxe = '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&x;"/></testsuite>';
    expectProblem(await push(s, xxe, xml), 400, 'invalid');
    expectProblem(await push(s, junit('CT-1'), { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    expectProblem(await push(s, junit('CT-1'), xml, 'fileName=../x.xml'), 400, 'invalid');
    const empty = new FormData();
    empty.append('note', 'pas de fichier');
    expectProblem(await push(s, empty, {}), 400, 'invalid');
    expectProblem(await push(s, 'x'.repeat(64), { ...xml, 'content-length': String(60 * 1024 * 1024) }), 413, 'payload_too_large');
    const handler = (await loadRouteModule(ROUTES.results)).POST!;
    const unknown = await handler(
      new Request(`http://localhost/api/v1/projects/${s.project.key}/campaigns/999/results`, { method: 'POST', headers: { authorization: `Bearer ${s.write.secret}`, ...xml }, body: junit('CT-1') }),
      { params: Promise.resolve({ projectKey: s.project.key, number: '999' }) },
    );
    expect(unknown.status).toBe(404);
    expect(await snapshotTables(tables)).toEqual(before);

    await getDb().update(campaigns).set({ status: 'closed', closedAt: new Date() }).where(eq(campaigns.id, s.campaign.id));
    const closedBefore = await snapshotTables(tables);
    expectProblem(await push(s, junit('CT-1'), xml), 409, 'conflict');
    expect(await snapshotTables(tables)).toEqual(closedBefore);
  });
});

describe('pushing results into the campaign of a build (created on the fly)', () => {
  const junit = (name: string, outcome = '') => `<testsuite name="ci"><testcase classname="paie" name="${name}" time="0.1">${outcome}</testcase></testsuite>`;
  const xml = { 'content-type': 'application/xml' };
  const pushBuild = (s: { project: { key: string }; write: { secret: string } }, query: string, body = junit('CT-1 net'), token = s.write.secret) =>
    api('buildResults', { method: 'POST', token, projectKey: s.project.key, query, body, headers: xml });
  const campaignsNamed = (projectId: string, name: string) =>
    queryRows<{ number: number; type: string; build: string; environment: string; status: string }>(
      sql`select number, type, build, environment, status from campaigns where project_id = ${projectId} and name = ${name} order by number`,
    );

  test('the first push of a build creates its campaign, the next ones of that build land in it, another build gets its own', async () => {
    const s = await seededProject();
    const audit = await maxAuditId();
    const first = await pushBuild(s, 'campaign=Nightly&type=performance&build=2.5.0%2B42&environment=CI');
    expect(first.status, first.text).toBe(200);
    const created = pushSummarySchema.parse(first.json);
    expect(created).toMatchObject({ executions: 1, passed: 1, campaignCreated: true, campaignStarted: true, addedToScope: 1 });
    expect(await campaignsNamed(s.project.id, 'Nightly')).toEqual([{ number: created.campaign, type: 'performance', build: '2.5.0+42', environment: 'CI', status: 'in_progress' }]);
    const journal = await queryRows<{ entity: string; action: string; after: { apiToken: unknown } }>(sql`select entity, action, after from audit_events where id > ${audit} order by id`);
    expect(journal.map((j) => [j.entity, j.action, j.after.apiToken])).toEqual([
      ['campaign', 'create', { id: s.write.id, prefix: s.write.prefix }],
      ['campaign', 'results_import', { id: s.write.id, prefix: s.write.prefix }],
    ]);

    const again = pushSummarySchema.parse((await pushBuild(s, 'campaign=Nightly&build=2.5.0%2B42', junit('CT-1 net', '<failure message="écart"/>'))).json);
    expect(again).toMatchObject({ campaign: created.campaign, campaignCreated: false, executions: 1, failed: 1, addedToScope: 0 });
    const other = pushSummarySchema.parse((await pushBuild(s, 'campaign=Nightly&build=2.5.1')).json);
    expect(other).toMatchObject({ campaignCreated: true });
    expect(other.campaign).toBeGreaterThan(created.campaign);
    expect((await campaignsNamed(s.project.id, 'Nightly')).map((c) => [c.build, c.type])).toEqual([
      ['2.5.0+42', 'performance'],
      ['2.5.1', 'non_regression'],
    ]);
    const runs = await queryRows<{ campaign_id: string }>(sql`select distinct campaign_id from executions e join campaigns c on c.id = e.campaign_id where c.name = 'Nightly'`);
    expect(runs).toHaveLength(2);
  });

  test('parallel pushes of one build create one campaign', async () => {
    const s = await seededProject();
    const answers = await Promise.all([1, 2, 3].map(() => pushBuild(s, 'campaign=Parall%C3%A8le&build=7')));
    for (const a of answers) expect(a.status, a.text).toBe(200);
    expect(answers.filter((a) => a.json!.campaignCreated)).toHaveLength(1);
    expect(await campaignsNamed(s.project.id, 'Parallèle')).toHaveLength(1);
    expect(await countRows('executions', sql`campaign_id in (select id from campaigns where name = 'Parallèle')`)).toBe(3);
  });

  test('refusals write nothing: no campaign name or build, a bad type, a read token, a refused file, a closed campaign', async () => {
    const s = await seededProject();
    const tables = ['executions', 'campaign_items', 'test_cases', 'audit_events', 'campaigns'];
    const before = await snapshotTables(tables);
    const missing = expectProblem(await pushBuild(s, 'build=1'), 400, 'invalid');
    expect(Object.keys(missing.errors ?? {})).toEqual(['campaign']);
    expect(Object.keys(expectProblem(await pushBuild(s, 'campaign=CI'), 400, 'invalid').errors ?? {})).toEqual(['build']);
    expectProblem(await pushBuild(s, 'campaign=CI&build=1&type=weekly'), 400, 'invalid');
    expectProblem(await pushBuild(s, 'campaign=CI&build=1', junit('CT-1'), s.read.secret), 403, 'forbidden');
    // A refused file rolls back the campaign the push would have created too.
    expectProblem(await pushBuild(s, 'campaign=CI&build=1', '<testsuite><testcase'), 400, 'invalid');
    expect(await snapshotTables(tables)).toEqual(before);

    await getDb().update(campaigns).set({ status: 'closed', closedAt: new Date() }).where(eq(campaigns.id, s.campaign.id));
    const closedBefore = await snapshotTables(tables);
    const [seeded] = await queryRows<{ name: string; build: string }>(sql`select name, build from campaigns where id = ${s.campaign.id}`);
    expectProblem(await pushBuild(s, `campaign=${encodeURIComponent(seeded!.name)}&build=${encodeURIComponent(seeded!.build)}`), 409, 'conflict');
    expect(await snapshotTables(tables)).toEqual(closedBefore);
  });
});

describe('the OpenAPI document route', () => {
  test('is public JSON describing every endpoint, with no project data', async () => {
    const s = await seededProject();
    const answer = await api('openapi', { projectKey: s.project.key });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ openapi: '3.1.0', info: { title: 'Passerelle REST API' } });
    expect(Object.keys((answer.json as { paths: object }).paths)).toHaveLength(8);
    expect(answer.text).not.toContain(s.project.key);
  });
});
