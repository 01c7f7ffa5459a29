import fs from 'node:fs';
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
import { discoverApiRoutes, loadRouteModule, type RouteHandler } from '../setup/routes';
import { openEmptyDatabase } from '../setup/test-database';
import { createLink, createRequirementRow, createSpecificationRow, createTestCaseRow } from '../setup/trace-items';
import { countRows } from '../setup/db-state';
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
  'app/api/projects/[projectKey]/executions/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa', 'viewer'],
    requests: [{ query: (s) => `id=${s.visibleExecution}`, contains: (s) => [s.visibleTestCase, '"stepResults"'], contentType: JSON_TYPE }],
  },
};

/** Routes that take a POST (uploads) instead of a GET: the roles that may, checked in their own matrix below. */
const UPLOAD_ROUTES: Record<string, { roles: readonly ProjectRole[]; fields: (seeded: Seeded) => Record<string, string> }> = {
  'app/api/projects/[projectKey]/attachments/route.ts': {
    roles: ['owner', 'amoe', 'amoa', 'moa'],
    fields: (s) => ({ executionId: s.execution }),
  },
};

/** Routes anyone may call, signed in or not: they read no project data, and answer exactly this. */
const PUBLIC_ROUTES: Record<string, { body: unknown }> = {
  'app/api/health/route.ts': { body: { status: 'ok' } },
};

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
  return seeded;
}

/** A finished run of a test case titled `title`, in a campaign of the project. */
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
    const missing = discovered.filter((file) => !(file in ROUTES) && !(file in PUBLIC_ROUTES) && !(file in UPLOAD_ROUTES));
    expect(missing, 'add these to ROUTES in tests/integration/route-authorization.test.ts').toEqual([]);
  });

  test('every matrix entry is a route on disk', () => {
    expect([...Object.keys(ROUTES), ...Object.keys(PUBLIC_ROUTES), ...Object.keys(UPLOAD_ROUTES)].filter((file) => !discovered.includes(file))).toEqual([]);
  });

  test('every route answers GET only, uploads POST only (other methods would need their own entries here)', async () => {
    for (const file of discovered) {
      expect(Object.keys(await loadRouteModule(file)), file).toEqual([file in UPLOAD_ROUTES ? 'POST' : 'GET']);
    }
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
    const world = await createWorld();
    await seed(world);
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
    const world = await createWorld();
    const seeded = await seed(world);
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
    const world = await createWorld();
    const seeded = await seed(world);
    await actAs(actorOf(world, kind));
    const before = await snapshotTables();
    const attachmentsBefore = await countRows('attachments');

    const form = new FormData();
    form.append('file', new File(['Journal : étape 2 en échec.\n'], 'journal.log'));
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
      expect(JSON.parse(body)).toMatchObject({ fileName: 'journal.log', contentType: 'text/plain' });
      expect(await countRows('attachments')).toBe(attachmentsBefore + 1);
    } else {
      expect(JSON.parse(body)).toEqual({ code: { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[expected], message: expect.any(String) });
      // A refused upload writes nothing, not even its journal row.
      expect(await snapshotTables()).toEqual(before);
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
