import fc from 'fast-check';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { actAs, sessionPool } from '../setup/actors';
import { FUZZ_CASE_TIMEOUT, FUZZ_RUNS, call, generatedActions, likelyCallers, report } from '../setup/generated-calls';
import { callRoute, generatedRoutes } from '../setup/route-calls';
import {
  UNSTORABLE_TEXT_REFUSED,
  hostileInput,
  hostileString,
  hostileValue,
  jsonSchemaOf,
  plausibleInput,
} from '../setup/schema-arbitraries';
import { createFixture } from '../setup/security-fixture';
import { watchTables } from '../setup/table-rows';
import { ACTOR_KINDS } from '../setup/world';

vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));
vi.mock('@/lib/actions/define-route', async (real) => (await import('../setup/action-definitions')).recordRoutes(await real()));
vi.mock('@/lib/actions/define-api-route', async (real) => (await import('../setup/action-definitions')).recordApiRoutes(await real()));

/**
 * Fuzzing (ASVS 5.0 V2.2 and V16.5): property tests over every server action's input schema and every GET route's
 * parameters (and every upload's form fields), with plausible and hostile values (huge and odd Unicode strings, NUL bytes, nested objects, arrays
 * where strings are expected, numbers as strings, prototype-pollution keys), as plain objects or as FormData, by
 * every kind of caller. Never a server error, never a write when the answer is a refusal, never a polluted
 * prototype. `SECURITY_FUZZ_RUNS` sets the runs per property (25 in `npm test`, more in `npm run test:security`).
 */

const entries = await generatedActions();
const routes = await generatedRoutes();
let runs = 0;

afterAll(() => report({ fuzzProperties: entries.length + routes.length, fuzzRuns: runs }));

/** A seed per property, so a run is reproducible; SECURITY_FUZZ_SEED explores others. */
function seedOf(name: string): number {
  const base = Number(process.env.SECURITY_FUZZ_SEED ?? 20261201);
  return [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, base);
}

/** How a form would send it: every value a string or a file, arrays as repeated keys. */
function asFormData(input: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one === undefined) continue;
      form.append(key, typeof one === 'string' ? one : typeof one === 'number' && one % 7 === 0 ? new Blob([String(one)]) : JSON.stringify(one));
    }
  }
  return form;
}

function expectUnpolluted() {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.isAdmin).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
}

/** A signature refused for its password (wrong, or throttled): the refusal keeps its counters and journal row. */
function passwordRefusal(value: unknown): boolean {
  const failure = value as { code?: string; fieldErrors?: Record<string, unknown> };
  return failure.code === 'rate_limited' || (failure.code === 'invalid' && !!failure.fieldErrors?.password && Object.keys(failure.fieldErrors).length === 1);
}

function withoutThrottleBookkeeping(fingerprintText: string): string {
  return fingerprintText
    .split(' ')
    .filter((part) => !part.startsWith('audit_events=') && !part.startsWith('login_throttles='))
    .join(' ');
}

describe('fuzzed server actions', () => {
  test.each(entries.map((e) => [e.name, e] as const))('%s: never a server error, never a write on refusal', async (name, entry) => {
    const fixture = await createFixture();
    const sessions = sessionPool();
    const tables = await watchTables();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTOR_KINDS), hostileInput(entry.definition.input, entry.name), fc.boolean(), async (kind, recipe, form) => {
        runs += 1;
        await sessions.actAs(fixture.actor(kind));
        const raw = recipe(fixture);
        const input = form && raw && typeof raw === 'object' && !Array.isArray(raw) ? asFormData(raw as Record<string, unknown>) : raw;
        const before = await tables.current();
        const outcome = await call(entry.action, input);
        const after = await tables.current();
        if (after !== before) sessions.forget();
        if (outcome.kind === 'thrown') throw outcome.error;
        if (outcome.kind === 'result') {
          expect(outcome.code, JSON.stringify(outcome.value)).not.toBe('server_error');
          expect(typeof (outcome.value as { message?: unknown }).message === 'string' || outcome.ok).toBe(true);
          // A failed sign-in is recorded on purpose (throttle counters and the journal), and so is a wrong password
          // re-entered to sign (issue 9): those two tables only, nothing else.
          if (!outcome.ok && entry.definition.scope !== 'signIn') {
            const kept = passwordRefusal(outcome.value) ? withoutThrottleBookkeeping : (f: string) => f;
            expect(kept(after)).toBe(kept(before));
          }
        }
        expectUnpolluted();
      }),
      { numRuns: FUZZ_RUNS, seed: seedOf(name), endOnFailure: true },
    );
  }, FUZZ_CASE_TIMEOUT);
});

describe('fuzzed routes', () => {
  test.each(routes.map((r) => [`${r.method} ${r.file}`, r] as const))('%s: never a server error, never a write on refusal', async (label, route) => {
    const fixture = await createFixture();
    const sessions = sessionPool();
    const tables = await watchTables();
    const keys = Object.keys(jsonSchemaOf(route.definition.query).properties ?? {});
    const queryValue = fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }), hostileValue.map((v) => JSON.stringify(v) ?? ''));
    const queryKey = keys.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...keys) }, hostileString) : hostileString;
    const query = fc.dictionary(queryKey, queryValue, { maxKeys: 5 });
    // Malformed percent-encodings in the path are the proxy's and the router's business (issue 7, "small ones").
    const projectKey = fc.oneof(
      { weight: 3, arbitrary: fc.constant(fixture.project.key) },
      fc.constant(fixture.otherProject.key),
      hostileString.filter((s) => !s.includes('%')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTOR_KINDS), query, projectKey, async (kind, params, key) => {
        runs += 1;
        await sessions.actAs(fixture.actor(kind));
        const before = await tables.current();
        const response = await callRoute(route, fixture, params, { projectKey: key });
        const after = await tables.current();
        if (after !== before) sessions.forget();
        expect(response.status, response.body.slice(0, 300)).toBeLessThan(500);
        // Reads never write; an upload or an API write writes only when it is accepted.
        const writes = route.definition.upload || route.definition.token?.scope === 'write';
        if (!writes || response.status >= 400) expect(after).toBe(before);
        expectUnpolluted();
      }),
      { numRuns: FUZZ_RUNS * 2, seed: seedOf(label), endOnFailure: true },
    );
  }, FUZZ_CASE_TIMEOUT);
});

/**
 * A defect this suite found: a NUL byte or a lone surrogate in any text field passed zod, reached PostgreSQL (which
 * cannot store either) and came back as a server error, on actions and on the GET routes' project key alike. The
 * wrappers now refuse such text as invalid; UNSTORABLE_TEXT_REFUSED (schema-arbitraries.ts) turns this back into an
 * expected failure while a regression is investigated.
 */
describe('text PostgreSQL cannot store', () => {
  (UNSTORABLE_TEXT_REFUSED ? test : test.fails)('NUL bytes and lone surrogates are refused as invalid, never a server error', async () => {
    const fixture = await createFixture();
    const serverErrors: string[] = [];
    for (const entry of entries) {
      const properties = jsonSchemaOf(entry.definition.input).properties ?? {};
      const textKeys = Object.entries(properties)
        .filter(([, node]) => node.type === 'string' && !node.enum && !node.format)
        .map(([key]) => key);
      const [base] = fc.sample(plausibleInput(entry.definition.input, entry.name), { seed: 3, numRuns: 1 });
      for (const key of textKeys) {
        for (const text of ['a\u0000b', 'a\uD800b']) {
          await actAs(fixture.actor(likelyCallers(entry.definition)[0]!));
          const outcome = await call(entry.action, { ...(base!(fixture) as object), [key]: text });
          if (outcome.kind === 'result' && outcome.code === 'server_error') serverErrors.push(`${entry.name}.${key} ${JSON.stringify(text)}`);
        }
      }
    }
    for (const route of routes) {
      await actAs(fixture.members.owner);
      const response = await callRoute(route, fixture, {}, { projectKey: 'A\u0000' });
      if (response.status >= 500) serverErrors.push(`${route.method} ${route.file} projectKey "A\\u0000"`);
    }
    console.log(`[security] unstorable text gives a server error in: ${serverErrors.join(', ')}`);
    expect(serverErrors).toEqual([]);
  }, FUZZ_CASE_TIMEOUT);
});
