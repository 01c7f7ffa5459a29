import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { describe, expect, inject, test, vi } from 'vitest';
import * as authModule from '@/auth';
import { authConfig } from '@/auth.config';
import { revokeSessions } from '@/db/queries/sessions';
import { getDb } from '@/db/client';
import { getDatabaseHandle, installDatabaseHandle } from '@/db/client';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';
import { actAs, TEST_PASSWORD } from '../setup/actors';
import { snapshotTables } from '../setup/db-state';
import { freshEachTime } from '../setup/db-snapshot';
import { discoverApiRoutes, loadRouteModule, type RouteHandler } from '../setup/routes';
import { createApiTokenRow } from '../setup/api-tokens';
import { openApiDocument } from '@/lib/api/openapi';
import { openEmptyDatabase } from '../setup/test-database';
import { createFinalAcceptanceRow, createGoNoGoRecordRow, createReleaseRow } from '../setup/readiness-rows';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow } from '../setup/trace-items';
import { countRows, maxAuditId, queryRows } from '../setup/db-state';
import { SMALL_REQIF } from '../setup/reqif-rows';
import { createCampaignReportRequestRow, createLiftedReservationRow } from '../setup/signoff-rows';
import { createAttachmentRow, createCampaignRow, createExecutionRow, createItemRow, createRunInNewCampaign } from '../setup/recette-rows';
import { ACTOR_KINDS, actorOf, createWorld, type ActorKind, type World } from '../setup/world';

/**
 * The route-handler half of the authorization matrix (DESIGN.md §4 and §7): every GET route under app/api (Auth.js's
 * own endpoints aside) × every project role × a member of another project only × an instance administrator × nobody
 * signed in. Routes are found on disk, so a new route without an entry here fails the suite.
 *
 * `roles` is written out by hand from the design table. Expected: a listed role → 200; another member → 403; a
 * non-member (outsider, administrator) → 404, never 403 (no existence leak); signed out → 401.
 */

/** Items seeded in the world's project (visible to its members) and in the other project (never visible here). */
interface Seeded {
  visibleRequirement: string;
  visibleSpecification: string;
  secretRequirement: string;
  secretSpecification: string;
  visibleTestCase: string;
  /** Ids of a run in the world's project and of one in the other project. */
  visibleExecution: string;
  secretExecution: string;
  /** A text attachment of the project (its content is `visibleEvidence`) and the other project's (`secretEvidence`). */
  visibleAttachment: string;
  secretAttachment: string;
  visibleEvidence: string;
  secretEvidence: string;
  /** An execution of the project, for uploads. */
  execution: string;
  /** A go / no-go record of the project, for its PV. */
  visibleGoNoGo: string;
  visibleFinalAcceptance: string;
  /** A campaign report's approval request of the project, for its PV. */
  visibleCampaignReport: string;
  /** The number of a lifted reservation of the project, for its PV de levée. */
  visibleLiftedReservation: string;
}

interface RouteRequest {
  /** Query string, without the `?` (built from the seeded items when it names one). */
  query: string | ((seeded: Seeded) => string);
  /** What a 200 answer must hold (text found in the body), and what it must never hold. */
  contains: (seeded: Seeded) => string[];
  contentType: RegExp;
  /** Path parameters besides the project key (`[id]`). */
  params?: (seeded: Seeded) => Record<string, string>;
}

interface RouteEntry {
  roles: readonly ProjectRole[];
  requests: RouteRequest[];
}

const JSON_TYPE = /^application\/json/;
const TEXT_TYPE = /^text\/plain/;
const CSV_TYPE = /^text\/csv/;
const PDF_TYPE = /^application\/pdf$/;
const XML_TYPE = /^application\/xml/;
const ZIP_TYPE = /^application\/zip$/;
const XLSX_TYPE = /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/;

const ROUTES: Record<string, RouteEntry> = {
  'app/api/projects/[projectKey]/trace-items/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: 'type=requirement&q=', contains: (s) => [s.visibleRequirement], contentType: JSON_TYPE },
      { query: 'type=specification&q=', contains: (s) => [s.visibleSpecification], contentType: JSON_TYPE },
      { query: 'type=requirement&q=visible', contains: (s) => [s.visibleRequirement], contentType: JSON_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/requirements/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: 'parent=root', contains: (s) => [s.visibleRequirement, '"childCount":0'], contentType: JSON_TYPE },
      { query: 'parent=root&page=1', contains: (s) => [s.visibleRequirement], contentType: JSON_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/traceability/matrix/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: 'offset=0', contains: (s) => [s.visibleRequirement, '"total":1'], contentType: JSON_TYPE },
      { query: 'coverage=suspect&offset=0&limit=10', contains: (s) => [s.visibleRequirement], contentType: JSON_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/attachments/[id]/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [{ query: '', params: (s) => ({ id: s.visibleAttachment }), contains: (s) => [s.visibleEvidence], contentType: TEXT_TYPE }],
  },
  'app/api/projects/[projectKey]/traceability/export/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: 'what=matrix', contains: (s) => [s.visibleRequirement, 'STD-'], contentType: CSV_TYPE },
      // The seeded link is suspect and the seeded spec has no other requirement: both appear among the gaps.
      { query: 'what=gaps', contains: (s) => [s.visibleRequirement], contentType: CSV_TYPE },
    ],
  },
  // The PV de recette: a PDF (its text is compressed, so the answer is checked for being one; readiness.test.ts reads it).
  'app/api/projects/[projectKey]/go-no-go/[id]/pv/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: '', params: (s) => ({ id: s.visibleGoNoGo }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
      { query: 'lang=en', params: (s) => ({ id: s.visibleGoNoGo }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/final-acceptance/[id]/pv/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: '', params: (s) => ({ id: s.visibleFinalAcceptance }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
      { query: 'lang=en', params: (s) => ({ id: s.visibleFinalAcceptance }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/approvals/[id]/pv/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: '', params: (s) => ({ id: s.visibleCampaignReport }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
      { query: 'lang=en', params: (s) => ({ id: s.visibleCampaignReport }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/reservations/[number]/pv/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [
      { query: '', params: (s) => ({ number: s.visibleLiftedReservation }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
      { query: 'lang=en', params: (s) => ({ number: s.visibleLiftedReservation }), contains: () => ['%PDF-'], contentType: PDF_TYPE },
    ],
  },
  'app/api/projects/[projectKey]/reqif/export/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [{ query: '', contains: (s) => [s.visibleRequirement, '<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd"'], contentType: XML_TYPE }],
  },
  // .xlsx downloads: their body is a zip (cells are checked by tests/integration/spreadsheets.test.ts).
  'app/api/projects/[projectKey]/spreadsheets/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: (['what=requirements', 'what=testCases', 'what=matrix', 'what=campaign&campaign=1'] as const).map((query) => ({
      query,
      contains: () => ['PK'],
      contentType: XLSX_TYPE,
    })),
  },
  // The whole-project archive: its rows are deflated (tests/integration/project-archive.test.ts reads them).
  'app/api/projects/[projectKey]/archive/route.ts': {
    roles: ['owner'],
    requests: [{ query: '', contains: () => ['PK'], contentType: ZIP_TYPE }],
  },
  'app/api/projects/[projectKey]/executions/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [{ query: (s) => `id=${s.visibleExecution}`, contains: (s) => [s.visibleTestCase, '"stepResults"'], contentType: JSON_TYPE }],
  },
};

/**
 * Routes that take a POST (uploads) instead of a GET: the roles that may, checked in their own matrix below, with the
 * file each sends, what a 201 answer holds and the table that gains exactly one row.
 */
interface UploadEntry {
  roles: readonly ProjectRole[];
  fields: (seeded: Seeded) => Record<string, string>;
  file: () => File;
  accepted: Record<string, unknown>;
  table: string;
}
const UPLOAD_ROUTES: Record<string, UploadEntry> = {
  'app/api/projects/[projectKey]/attachments/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    fields: (s) => ({ executionId: s.execution }),
    file: () => new File(['Journal : étape 2 en échec.\n'], 'journal.log'),
    accepted: { fileName: 'journal.log', contentType: 'text/plain' },
    table: 'attachments',
  },
  'app/api/projects/[projectKey]/reqif/uploads/route.ts': {
    roles: ['owner', 'amoa'],
    fields: () => ({}),
    file: () => new File([SMALL_REQIF], 'petit.reqif'),
    accepted: { fileName: 'petit.reqif', preview: { objects: 2, counts: { new: 2, changed: 0, unchanged: 0, conflict: 0 } } },
    table: 'reqif_uploads',
  },
};

/** Routes anyone may call, signed in or not: they read no project data, and answer exactly this. */
const PUBLIC_ROUTES: Record<string, { body: unknown }> = {
  'app/api/health/route.ts': { body: { status: 'ok' } },
  'app/api/v1/openapi.json/route.ts': { body: JSON.parse(JSON.stringify(openApiDocument())) },
};

/**
 * `/api/v1` routes (define-api-route.ts): a project API token instead of a session. Per method, the scope it needs,
 * what a success answers and holds, and for a write the table it adds a row to. Checked below with every kind of
 * token: the project's write and read tokens, another project's, a revoked one, an expired one, a malformed one, none.
 */
interface TokenRequest {
  scope: 'read' | 'write';
  status: 200 | 201;
  query?: string;
  body?: unknown;
  /** A body sent as is, with its content type (results files). */
  raw?: { type: string; data: string };
  params?: (seeded: TokenSeeded) => Record<string, string>;
  contains: (seeded: TokenSeeded) => string[];
  /** A write: the table that gains one row. */
  writes?: string;
}

interface TokenSeeded {
  visibleRequirement: string;
  secretRequirement: string;
  campaignNumber: number;
  secretCampaignNumber: number;
  releaseNumber: number;
}

const TOKEN_ROUTES: Record<string, Partial<Record<'GET' | 'POST', TokenRequest>>> = {
  'app/api/v1/projects/[projectKey]/requirements/route.ts': { GET: { scope: 'read', status: 200, contains: (s) => [s.visibleRequirement, '"ref":"EXF-'] } },
  'app/api/v1/projects/[projectKey]/specifications/route.ts': { GET: { scope: 'read', status: 200, contains: () => ['Spécification visible', '"ref":"STD-'] } },
  'app/api/v1/projects/[projectKey]/test-cases/route.ts': { GET: { scope: 'read', status: 200, contains: () => ['Cas de test visible', '"ref":"CT-'] } },
  'app/api/v1/projects/[projectKey]/trace-links/route.ts': { GET: { scope: 'read', status: 200, contains: () => ['"upstreamRef":"EXF-', '"downstreamRef":"STD-'] } },
  'app/api/v1/projects/[projectKey]/campaigns/route.ts': {
    GET: { scope: 'read', status: 200, contains: (s) => [`"number":${s.campaignNumber}`] },
    POST: { scope: 'write', status: 201, body: { name: 'Campagne de la CI', type: 'non_regression' }, contains: () => ['Campagne de la CI'], writes: 'campaigns' },
  },
  'app/api/v1/projects/[projectKey]/campaigns/[number]/results/route.ts': {
    GET: { scope: 'read', status: 200, params: (s) => ({ number: String(s.campaignNumber) }), contains: () => ['"testCaseRef":"CT-', '"totals"'] },
    POST: {
      scope: 'write',
      status: 200,
      params: (s) => ({ number: String(s.campaignNumber) }),
      query: 'build=ci-42',
      raw: { type: 'application/xml', data: '<testsuite name="ci"><testcase classname="paie" name="CT-1 visible" time="0.1"/></testsuite>' },
      contains: () => ['"executions":1', '"passed":1'],
      writes: 'executions',
    },
  },
  // Into the seeded campaign by its name and build (a push that creates one is in api-v1.test.ts).
  'app/api/v1/projects/[projectKey]/results/route.ts': {
    POST: {
      scope: 'write',
      status: 200,
      query: `campaign=${encodeURIComponent('Recette VABF lot 1')}&build=1.4.2`,
      raw: { type: 'application/xml', data: '<testsuite name="ci"><testcase classname="paie" name="CT-1 visible" time="0.1"/></testsuite>' },
      contains: () => ['"executions":1', '"campaignCreated":false'],
      writes: 'executions',
    },
  },
  'app/api/v1/projects/[projectKey]/releases/[number]/readiness/route.ts': {
    GET: { scope: 'read', status: 200, params: (s) => ({ number: String(s.releaseNumber) }), contains: () => ['"proposedDecision":"no_go"', '"key":"campaignsClosed"'] },
  },
};

const TOKEN_KINDS = ['write', 'read', 'otherProject', 'revoked', 'expired', 'malformed', 'none'] as const;
type TokenKind = (typeof TOKEN_KINDS)[number];

const discovered = discoverApiRoutes();

/** Auth.js's own endpoints: not built with define-route (they are the session source it relies on), so their own block below. */
const AUTH_ROUTE = 'app/api/auth/[...nextauth]/route.ts';

async function seed(world: World): Promise<Seeded> {
  const seeded: Seeded = {
    visibleRequirement: 'Exigence visible du projet',
    visibleSpecification: 'Spécification visible du projet',
    secretRequirement: 'Exigence secrète ailleurs',
    secretSpecification: 'Spécification secrète ailleurs',
    visibleTestCase: 'Cas de test visible du projet',
    visibleExecution: '',
    secretExecution: '',
    visibleAttachment: '',
    secretAttachment: '',
    visibleEvidence: 'Preuve visible du projet',
    secretEvidence: 'Preuve secrète ailleurs',
    execution: '',
    visibleGoNoGo: '',
    visibleFinalAcceptance: '',
    visibleCampaignReport: '',
    visibleLiftedReservation: '',
  };
  const requirement = await createRequirementRow(world.project, { title: seeded.visibleRequirement, version: 2 });
  const specification = await createSpecificationRow(world.project, { title: seeded.visibleSpecification, status: 'approved' });
  await createLink(world.project, requirement, specification, { reviewedVersion: 1 });
  await createSpecificationRow(world.project, { title: 'Orpheline visible' });
  const secret = await createRequirementRow(world.otherProject, { title: seeded.secretRequirement, version: 2 });
  const secretSpec = await createSpecificationRow(world.otherProject, { title: seeded.secretSpecification, status: 'approved' });
  await createLink(world.otherProject, secret, secretSpec, { reviewedVersion: 1 });
  seeded.visibleExecution = await seedExecution(world.project, seeded.visibleTestCase);
  seeded.secretExecution = await seedExecution(world.otherProject, seeded.secretRequirement);
  const execution = await createRunInNewCampaign(world.project);
  seeded.execution = execution.id;
  const text = (t: string) => new TextEncoder().encode(t);
  seeded.visibleAttachment = (await createAttachmentRow(world.project, { executionId: execution.id }, world.members.amoa.id, text(seeded.visibleEvidence), 'text/plain')).id;
  const secretExecution = await createRunInNewCampaign(world.otherProject);
  seeded.secretAttachment = (await createAttachmentRow(world.otherProject, { executionId: secretExecution.id }, world.outsider.id, text(seeded.secretEvidence), 'text/plain')).id;
  seeded.visibleGoNoGo = (await createGoNoGoRecordRow(world.project, await createReleaseRow(world.project), world.members.moa)).id;
  seeded.visibleFinalAcceptance = (await createFinalAcceptanceRow(world.project, world.members.moa)).id;
  seeded.visibleCampaignReport = (await createCampaignReportRequestRow(world.project, await createCampaignRow(world.project, { status: 'closed' }))).id;
  seeded.visibleLiftedReservation = String((await createLiftedReservationRow(world.project, world.members.moa)).number);
  return seeded;
}

/** A finished run of a test case titled `title`, in a campaign of the project. */
/**
 * One world with its seeded items per file, put back as built before every later case (reads and refusals are
 * checked to write nothing; uploads do write): the same starting point as a new world per case, built once.
 */
const freshSeededWorld = freshEachTime(async () => {
  const world = await createWorld();
  return { world, seeded: await seed(world) };
});

async function seedExecution(project: { id: string }, title: string): Promise<string> {
  const testCase = await createTestCaseRow(project, { title });
  const campaign = await createCampaignRow(project, { status: 'in_progress' });
  const item = await createItemRow(campaign, project, testCase);
  return (await createExecutionRow(item, campaign, project, testCase, { status: 'failed' })).id;
}

const queryOf = (request: RouteRequest, seeded: Seeded) => (typeof request.query === 'string' ? request.query : request.query(seeded));

function expectedStatus(entry: { roles: readonly ProjectRole[] }, kind: ActorKind): number {
  if (kind === 'signedOut') return 401;
  if (!(PROJECT_ROLES as readonly string[]).includes(kind)) return 404;
  return entry.roles.includes(kind as ProjectRole) ? 200 : 403;
}

function call(handler: RouteHandler, projectKey: string, route: string, query: string, params: Record<string, string> = {}): Promise<Response> {
  let urlPath = route.replace(/^app/, '').replace(/\/route\.\w+$/, '').replace('[projectKey]', encodeURIComponent(projectKey));
  for (const [name, value] of Object.entries(params)) urlPath = urlPath.replace(`[${name}]`, encodeURIComponent(value));
  return handler(new Request(`http://localhost${urlPath}?${query}`), { params: Promise.resolve({ projectKey, ...params }) });
}

describe('the route matrix covers every API route', () => {
  test('routes are found and Auth.js endpoints are left out (the discovery itself works)', () => {
    expect(fs.existsSync(path.resolve('app/api/auth'))).toBe(true);
    expect(discovered.some((file) => file.startsWith('app/api/auth/'))).toBe(false);
    expect(discovered).toContain('app/api/projects/[projectKey]/trace-items/route.ts');
  });

  test('every API route has a matrix entry', () => {
    const missing = discovered.filter((file) => !(file in ROUTES) && !(file in PUBLIC_ROUTES) && !(file in UPLOAD_ROUTES) && !(file in TOKEN_ROUTES));
    expect(missing, 'add these to ROUTES in tests/integration/route-authorization.test.ts').toEqual([]);
  });

  test('every matrix entry is a route on disk', () => {
    expect(
      [...Object.keys(ROUTES), ...Object.keys(PUBLIC_ROUTES), ...Object.keys(UPLOAD_ROUTES), ...Object.keys(TOKEN_ROUTES)].filter((file) => !discovered.includes(file)),
    ).toEqual([]);
  });

  test('every route answers GET only, uploads POST only, API routes the methods listed (others would need their own entries here)', async () => {
    for (const file of discovered) {
      const expected = file in TOKEN_ROUTES ? Object.keys(TOKEN_ROUTES[file]!) : [file in UPLOAD_ROUTES ? 'POST' : 'GET'];
      expect(Object.keys(await loadRouteModule(file)).sort(), file).toEqual(expected.sort());
    }
  });

  test('every /api/v1 route is a token route and every token route is under /api/v1', () => {
    const apiV1 = discovered.filter((file) => file.startsWith('app/api/v1/') && !(file in PUBLIC_ROUTES));
    expect(apiV1.sort()).toEqual(Object.keys(TOKEN_ROUTES).sort());
  });
});

const cases = discovered
  .filter((file) => file in ROUTES)
  .flatMap((file) =>
    ACTOR_KINDS.map((kind) => ({ route: file, kind, expected: expectedStatus(ROUTES[file]!, kind) })),
  );

describe('public routes', () => {
  const publicCases = Object.keys(PUBLIC_ROUTES).flatMap((route) => ACTOR_KINDS.map((kind) => ({ route, kind })));

  test.each(publicCases)('GET $route as $kind → 200 with nothing but its fixed answer', async ({ route, kind }) => {
    const { GET } = await loadRouteModule(route);
    const { world } = await freshSeededWorld();
    await actAs(actorOf(world, kind));
    const before = await snapshotTables();
    const response = await call(GET!, world.project.key, route, '');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(PUBLIC_ROUTES[route]!.body);
    expect(await snapshotTables()).toEqual(before);
  });

  test('the health route answers 503, with no detail, when the database does not answer', async () => {
    const { GET } = await loadRouteModule('app/api/health/route.ts');
    const current = getDatabaseHandle();
    const broken = await openEmptyDatabase(inject('passerelleDatabase'));
    await broken.dispose();
    installDatabaseHandle(broken.handle);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await GET!(new Request('http://localhost/api/health'), { params: Promise.resolve({}) });
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ status: 'unavailable' });
    } finally {
      quiet.mockRestore();
      installDatabaseHandle(current);
    }
  });
});

describe('route authorization matrix', () => {
  test.each(cases)('GET $route as $kind → $expected', async ({ route, kind, expected }) => {
    const { GET } = await loadRouteModule(route);
    const { world, seeded } = await freshSeededWorld();
    await actAs(actorOf(world, kind));
    const before = await snapshotTables();

    for (const request of ROUTES[route]!.requests) {
      const query = queryOf(request, seeded);
      const response = await call(GET!, world.project.key, route, query, request.params?.(seeded));
      const body = await response.text();
      expect(response.status, `${query}: ${body}`).toBe(expected);
      expect(response.headers.get('cache-control') ?? '', query).toMatch(/no-store/);
      // Nothing from the other project, whoever asks.
      expect(body).not.toContain(seeded.secretRequirement);
      expect(body).not.toContain(seeded.secretSpecification);
      expect(body).not.toContain(seeded.secretEvidence);
      if (expected === 200) {
        expect(response.headers.get('content-type') ?? '').toMatch(request.contentType);
        for (const text of request.contains(seeded)) expect(body, query).toContain(text);
      } else {
        expect(response.headers.get('content-type') ?? '').toMatch(JSON_TYPE);
        expect(JSON.parse(body)).toEqual({
          code: { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[expected],
          message: expect.any(String),
        });
        expect(body).not.toContain(seeded.visibleRequirement);
        expect(body).not.toContain(seeded.visibleSpecification);
        expect(body).not.toContain(seeded.visibleEvidence);
      }
    }
    // Reads write nothing, not even for a refused caller.
    expect(await snapshotTables()).toEqual(before);
  });

  test('a member asking with the other project key gets 404 and nothing of it', async () => {
    const world = await createWorld();
    const seeded = await seed(world);
    await actAs(world.members.owner);
    for (const [route, entry] of Object.entries(ROUTES)) {
      if (!discovered.includes(route)) continue;
      const { GET } = await loadRouteModule(route);
      for (const request of entry.requests) {
        const query = queryOf(request, seeded);
        // With the other project's key and its own attachment: still nothing of it.
        const params = request.params && { id: seeded.secretAttachment };
        const response = await call(GET!, world.otherProject.key, route, query, params);
        const body = await response.text();
        expect(response.status, `${route}?${query}`).toBe(404);
        expect(body).not.toContain(seeded.secretRequirement);
        expect(body).not.toContain(seeded.secretEvidence);
      }
    }
  });

  test.each(['%ZZ', '%E9t%C3', '%'])('a malformed percent-encoding in the project key (%s) is a JSON 404, not a 500', async (projectKey) => {
    const world = await createWorld();
    await actAs(world.members.owner);
    for (const [route, entry] of Object.entries(ROUTES)) {
      const { GET } = await loadRouteModule(route);
      const urlPath = route.replace(/^app/, '').replace(/\/route\.\w+$/, '').replace('[projectKey]', projectKey);
      const query = queryOf(entry.requests[0]!, { visibleExecution: crypto.randomUUID() } as Seeded);
      const response = await GET!(new Request(`http://localhost${urlPath}?${query}`), {
        params: Promise.resolve({ projectKey }),
      });
      expect(response.status, route).toBe(404);
      expect(await response.json()).toEqual({ code: 'not_found', message: expect.any(String) });
    }
  });

  test("another project's execution, asked for in one's own project, is 404 and shows nothing of it", async () => {
    const world = await createWorld();
    const seeded = await seed(world);
    await actAs(world.members.owner);
    const route = 'app/api/projects/[projectKey]/executions/route.ts';
    const { GET } = await loadRouteModule(route);
    const response = await call(GET!, world.project.key, route, `id=${seeded.secretExecution}`);
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(JSON.parse(body)).toEqual({ code: 'not_found', message: expect.any(String) });
    expect(body).not.toContain(seeded.secretRequirement);
  });

  test('a project that does not exist is 404 like a foreign one; a bad query is 400 for a member', async () => {
    const world = await createWorld();
    await actAs(world.members.viewer);
    const picker = 'app/api/projects/[projectKey]/trace-items/route.ts';
    const { GET } = await loadRouteModule(picker);
    expect((await call(GET!, 'NOPE', picker, 'type=requirement')).status).toBe(404);
    const invalid = await call(GET!, world.project.key, picker, 'type=anomaly');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: 'invalid', fieldErrors: { type: [expect.any(String)] } });
  });
});

describe('upload route authorization matrix', () => {
  const uploadCases = Object.keys(UPLOAD_ROUTES).flatMap((route) =>
    ACTOR_KINDS.map((kind) => ({ route, kind, expected: expectedStatus(UPLOAD_ROUTES[route]!, kind) === 200 ? 201 : expectedStatus(UPLOAD_ROUTES[route]!, kind) })),
  );

  test.each(uploadCases)('POST $route as $kind → $expected', async ({ route, kind, expected }) => {
    const { POST } = await loadRouteModule(route);
    const { world, seeded } = await freshSeededWorld();
    await actAs(actorOf(world, kind));
    const before = await snapshotTables();
    const entry = UPLOAD_ROUTES[route]!;
    const rowsBefore = await countRows(entry.table);

    const form = new FormData();
    form.append('file', entry.file());
    for (const [key, value] of Object.entries(UPLOAD_ROUTES[route]!.fields(seeded))) form.append(key, value);
    const urlPath = route.replace(/^app/, '').replace(/\/route\.\w+$/, '').replace('[projectKey]', world.project.key);
    const response = await POST!(new Request(`http://localhost${urlPath}`, { method: 'POST', body: form }), {
      params: Promise.resolve({ projectKey: world.project.key }),
    });
    const body = await response.text();
    expect(response.status, body).toBe(expected);
    expect(response.headers.get('cache-control') ?? '').toMatch(/no-store/);
    expect(response.headers.get('content-type') ?? '').toMatch(JSON_TYPE);
    if (expected === 201) {
      expect(JSON.parse(body)).toMatchObject(entry.accepted);
      expect(await countRows(entry.table)).toBe(rowsBefore + 1);
    } else {
      expect(JSON.parse(body)).toEqual({ code: { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[expected], message: expect.any(String) });
      // A refused upload writes nothing, not even its journal row.
      expect(await snapshotTables()).toEqual(before);
    }
  });
});

describe('API token matrix (/api/v1)', () => {
  async function seedTokens(world: World) {
    const seeded: TokenSeeded = { visibleRequirement: 'Exigence visible du projet', secretRequirement: 'Exigence secrète ailleurs', campaignNumber: 0, secretCampaignNumber: 0, releaseNumber: 0 };
    const requirement = await createRequirementRow(world.project, { title: seeded.visibleRequirement, version: 2 });
    const specification = await createSpecificationRow(world.project, { title: 'Spécification visible', status: 'approved' });
    await createLink(world.project, requirement, specification, { reviewedVersion: 1 });
    const testCase = await createTestCaseRow(world.project, { title: 'Cas de test visible' });
    const campaign = await createCampaignRow(world.project, { status: 'in_progress' });
    await createItemRow(campaign, world.project, testCase);
    seeded.campaignNumber = campaign.number;
    seeded.releaseNumber = (await createReleaseRow(world.project, [campaign])).number;
    // Another project's release under the same number, with a name that must never show.
    await createReleaseRow(world.otherProject, [], { name: 'Version secrète ailleurs' });
    const secret = await createRequirementRow(world.otherProject, { title: seeded.secretRequirement });
    const secretSpec = await createSpecificationRow(world.otherProject, { title: 'Spécification secrète ailleurs' });
    await createLink(world.otherProject, secret, secretSpec);
    // Another project's campaign under a number the world's project does not have.
    await createCampaignRow(world.otherProject);
    await createCampaignRow(world.otherProject);
    seeded.secretCampaignNumber = (await createCampaignRow(world.otherProject, { name: 'Campagne secrète ailleurs' })).number;
    const owner = world.members.owner;
    const tokens: Record<TokenKind, { id: string | null; secret: string | null; prefix?: string }> = {
      write: await createApiTokenRow(world.project, owner, { scope: 'write' }),
      read: await createApiTokenRow(world.project, owner, { scope: 'read' }),
      otherProject: await createApiTokenRow(world.otherProject, world.outsider, { scope: 'write' }),
      revoked: await createApiTokenRow(world.project, owner, { scope: 'write', revokedAt: new Date() }),
      expired: await createApiTokenRow(world.project, owner, { scope: 'write', expiresAt: new Date(Date.now() - 60_000) }),
      malformed: { id: null, secret: 'psl_too-short' },
      none: { id: null, secret: null },
    };
    return { seeded, tokens };
  }

  const freshTokenWorld = freshEachTime(async () => {
    const world = await createWorld();
    return { world, ...(await seedTokens(world)) };
  });

  function expectedTokenStatus(request: TokenRequest, kind: TokenKind): number {
    if (kind === 'write') return request.status;
    if (kind === 'read') return request.scope === 'read' ? request.status : 403;
    if (kind === 'otherProject') return 404;
    return 401;
  }

  function askWithToken(handler: RouteHandler, route: string, method: 'GET' | 'POST', projectKey: string, secret: string | null, request: TokenRequest, params: Record<string, string>) {
    let urlPath = route.replace(/^app/, '').replace(/\/route\.\w+$/, '').replace('[projectKey]', encodeURIComponent(projectKey));
    for (const [name, value] of Object.entries(params)) urlPath = urlPath.replace(`[${name}]`, encodeURIComponent(value));
    const headers = new Headers(secret ? { authorization: `Bearer ${secret}` } : {});
    if (request.body !== undefined) headers.set('content-type', 'application/json');
    if (request.raw) headers.set('content-type', request.raw.type);
    const body = request.raw ? request.raw.data : request.body === undefined ? undefined : JSON.stringify(request.body);
    return handler(new Request(`http://localhost${urlPath}${request.query ? `?${request.query}` : ''}`, { method, headers, body }), {
      params: Promise.resolve({ projectKey, ...params }),
    });
  }

  /** Every table but the tokens' own (whose last use a read may record): what a read or a refusal must leave alone. */
  async function tablesButTokens() {
    const all = await snapshotTables();
    delete all.api_tokens;
    return all;
  }

  const tokenCases = Object.entries(TOKEN_ROUTES).flatMap(([route, methods]) =>
    Object.entries(methods).flatMap(([method, request]) =>
      TOKEN_KINDS.map((kind) => ({ route, method: method as 'GET' | 'POST', kind, expected: expectedTokenStatus(request!, kind) })),
    ),
  );

  test.each(tokenCases)('$method $route with a $kind token → $expected', async ({ route, method, kind, expected }) => {
    const handler = (await loadRouteModule(route))[method]!;
    const request = TOKEN_ROUTES[route]![method]!;
    const { world, seeded, tokens } = await freshTokenWorld();
    // A session of the project's owner is there too: it must make no difference.
    await actAs(world.members.owner);
    const before = await tablesButTokens();
    const audit = await maxAuditId();
    const written = request.writes ? await countRows(request.writes) : 0;

    const response = await askWithToken(handler, route, method, world.project.key, tokens[kind].secret, request, request.params?.(seeded) ?? {});
    const body = await response.text();
    expect(response.status, body).toBe(expected);
    expect(body).not.toContain(seeded.secretRequirement);
    expect(body).not.toContain('secrète ailleurs');
    if (expected < 300) {
      expect(response.headers.get('content-type')).toBe('application/json');
      for (const text of request.contains(seeded)) expect(body).toContain(text);
      if (request.writes) {
        expect(await countRows(request.writes)).toBe(written + 1);
        const journal = await queryRows<{ actor_id: string; after: { apiToken?: { id: string } } }>(sql`select actor_id, after from audit_events where id > ${audit}`);
        expect(journal).toEqual([{ actor_id: world.members.owner.id, after: expect.objectContaining({ apiToken: { id: tokens.write.id, prefix: tokens.write.prefix } }) }]);
      } else {
        expect(response.headers.get('etag')).toMatch(/^W\//);
        expect(await tablesButTokens()).toEqual(before);
      }
    } else {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(JSON.parse(body)).toMatchObject({ status: expected, code: { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[expected] });
      expect(body).not.toContain(seeded.visibleRequirement);
      // A refusal writes nothing, not even a last use for a token it did not accept.
      expect(await tablesButTokens()).toEqual(before);
      if (expected === 401 && tokens[kind].id) {
        const [row] = await queryRows<{ last_used_at: string | null }>(sql`select last_used_at from api_tokens where id = ${tokens[kind].id}`);
        expect(row!.last_used_at).toBeNull();
      }
    }
  });

  test('a token of one project, sent to that project\'s URL with the other project\'s campaign number, is 404 and shows nothing', async () => {
    const world = await createWorld();
    const { seeded, tokens } = await seedTokens(world);
    const route = 'app/api/v1/projects/[projectKey]/campaigns/[number]/results/route.ts';
    const handler = (await loadRouteModule(route)).GET!;
    const request = TOKEN_ROUTES[route]!.GET!;
    for (const [projectKey, number] of [
      [world.project.key, String(seeded.secretCampaignNumber)],
      [world.otherProject.key, String(seeded.secretCampaignNumber)],
    ] as const) {
      const response = await askWithToken(handler, route, 'GET', projectKey, tokens.read.secret, request, { number });
      const body = await response.text();
      expect(response.status, body).toBe(404);
      expect(body).not.toContain('secrète ailleurs');
    }
  });
});

// The suite's `@/auth` is a session switch; for Auth.js's endpoints the real handlers answer, behind the route's own guard.
const realAuth = await vi.importActual<typeof authModule>('@/auth');

describe('Auth.js endpoints (app/api/auth) in the matrix', () => {
  const cookieName = authConfig.useSecureCookies ? '__Secure-authjs.session-token' : 'authjs.session-token';

  async function sessionCookie(session: { user: { id: string }; sessionVersion: number; sessionId: string; expires: string }) {
    const abs = Math.floor(new Date(session.expires).getTime() / 1000);
    const token = await encode({
      token: { uid: session.user.id, sv: session.sessionVersion, sid: session.sessionId, abs },
      secret: authConfig.secret!,
      salt: cookieName,
      maxAge: 3600,
    });
    return `${cookieName}=${token}`;
  }

  async function ask(method: 'GET' | 'POST', action: string, cookie: string | null, form?: Record<string, string>) {
    vi.mocked(authModule.handlers.GET).mockImplementation(realAuth.handlers.GET);
    vi.mocked(authModule.handlers.POST).mockImplementation(realAuth.handlers.POST);
    const route = await import('@/app/api/auth/[...nextauth]/route');
    const headers = new Headers(cookie ? { cookie } : {});
    if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
    const request = new NextRequest(`http://localhost/api/auth/${action}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined });
    const response = await route[method](request);
    return { status: response.status, body: await response.text(), setCookie: response.headers.getSetCookie(), location: response.headers.get('location') };
  }

  test('the route exports GET and POST only, and is the only route left out of the define-route matrix', async () => {
    expect(fs.existsSync(path.resolve(AUTH_ROUTE))).toBe(true);
    expect(Object.keys(await loadRouteModule(AUTH_ROUTE)).sort()).toEqual(['GET', 'POST']);
    const apiAuth = (fs.readdirSync(path.resolve('app/api/auth'), { recursive: true }) as string[]).filter((f) => /route\.\w+$/.test(f));
    expect(apiAuth.map((f) => `app/api/auth/${f.split(path.sep).join('/')}`)).toEqual([AUTH_ROUTE]);
  });

  test.each(ACTOR_KINDS.map((kind) => ({ kind })))(
    '$kind: session names only the caller, a revoked one is none, CSRF-less sign-in and sign-out change nothing',
    async ({ kind }) => {
      // Auth.js logs each refused CSRF-less post through the app's logger (console.error): expected here.
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const world = await createWorld();
      const actor = actorOf(world, kind);
      const session = await actAs(actor);
      const cookie = session ? await sessionCookie(session) : null;
      const others = [world.target, ...Object.values(world.members), world.outsider, world.admin].filter((p) => p.id !== actor?.id);
      const before = await snapshotTables();
      const leaks = (body: string) => others.filter((p) => body.includes(p.id) || body.includes(p.email)).map((p) => p.email);

      const current = await ask('GET', 'session', cookie);
      expect(current.status).toBe(200);
      expect(leaks(current.body)).toEqual([]);
      if (actor) expect(JSON.parse(current.body)).toMatchObject({ user: { id: actor.id } });
      else expect(JSON.parse(current.body)).toBeNull();

      const csrf = await ask('GET', 'csrf', cookie);
      expect(csrf.status).toBe(200);
      expect(JSON.parse(csrf.body)).toEqual({ csrfToken: expect.stringMatching(/^[0-9a-f]{32,}$/) });
      expect((await ask('GET', 'providers', cookie)).body).not.toContain('"email"');

      // Straight to the credentials callback, skipping the throttled sign-in action and without the CSRF token:
      // refused before any password is checked (no session recorded, no throttle counted).
      const email = (actor ?? world.target).email;
      const forged = await ask('POST', 'callback/credentials', cookie, { email, password: TEST_PASSWORD });
      expect(forged.location ?? '').toMatch(/error=MissingCSRF/);
      // Sign-out without the token does not end the session either.
      const signOut = await ask('POST', 'signout', cookie, {});
      expect(signOut.location ?? '').toMatch(/error=MissingCSRF/);
      expect(logged.mock.calls.map((c) => String(c[1]?.type ?? c[1]))).toEqual(['MissingCSRF', 'MissingCSRF']);
      expect(await snapshotTables()).toEqual(before);

      if (session && cookie) {
        await revokeSessions(getDb(), { sessionId: session.sessionId });
        await actAs(null);
        const revoked = await ask('GET', 'session', cookie);
        expect(JSON.parse(revoked.body)).toBeNull();
        expect(revoked.setCookie.some((c) => c.startsWith(`${cookieName}=;`) && /Max-Age=0/i.test(c))).toBe(true);
      }
    },
  );
});
