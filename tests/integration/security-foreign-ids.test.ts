import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { addMembership, actAs } from '../setup/actors';
import { GENERATED_CASE_TIMEOUT, accepted, call, generatedActions, report, searchAcceptedDraw, type GeneratedAction } from '../setup/generated-calls';
import { callRoute, generatedRoutes } from '../setup/route-calls';
import { idPool, jsonSchemaOf, plausibleInput } from '../setup/schema-arbitraries';
import { createFixture, type Fixture, type PoolKind, type Recipe } from '../setup/security-fixture';
import { allRows, changes } from '../setup/table-rows';
import fc from 'fast-check';
import type { z } from 'zod';

vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));
vi.mock('@/lib/actions/define-route', async (real) => (await import('../setup/action-definitions')).recordRoutes(await real()));
vi.mock('@/lib/actions/define-api-route', async (real) => (await import('../setup/action-definitions')).recordApiRoutes(await real()));

/**
 * Foreign ids (ASVS 5.0 V8.2.2, OWASP API1:2023 BOLA): a person who is a member of project A and of project B, acting
 * in A, names in one id parameter an object of B. Membership of A lets the call through the wrapper; only the
 * handler's own scoping of that id can stop it. For every id parameter of every project action and route — found
 * in their zod schemas, so an action added later is covered as soon as its ids have pools — the answer must be the
 * one a made-up id gets (no existence leak): not_found, or `invalid` on that very parameter (a form field naming
 * an unknown choice, e.g. a parent), and nothing may change in any table. The same input with A's own object is
 * accepted, so the refusal comes from the foreign id alone.
 */

interface IdParameter {
  key: string;
  array: boolean;
}

interface SchemaNode {
  format?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

const isUuid = (node: SchemaNode | undefined): boolean =>
  !!node && (node.format === 'uuid' || [...(node.anyOf ?? []), ...(node.oneOf ?? [])].some(isUuid));

/** The top-level parameters of a schema that carry ids: a uuid, or a list of them. */
function idParameters(schema: z.ZodType): IdParameter[] {
  const properties = (jsonSchemaOf(schema) as SchemaNode).properties ?? {};
  return Object.entries(properties).flatMap(([key, node]): IdParameter[] => {
    if (isUuid(node)) return [{ key, array: false }];
    const list = [node, ...(node.anyOf ?? []), ...(node.oneOf ?? [])].find((n) => isUuid(n.items));
    return list ? [{ key, array: true }] : [];
  });
}

/** The pools of a parameter, or the loud failure naming it (a case per parameter, so each one is reported). */
function poolsOf(key: string, hint: string): { pools: readonly PoolKind[] } | { error: string } {
  try {
    return { pools: idPool(key, hint) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const actions = await generatedActions();
// Session routes of a project. `/api/v1` routes name no uuid and are bound to one project by their token: their
// cross-project cases (another project's key, campaign number or token) are in route-authorization.test.ts.
const routes = (await generatedRoutes()).filter((r) => r.definition.permission !== undefined && !r.definition.token);
const projectActions = actions.filter((a) => a.definition.scope === 'project');

const actionCases = projectActions.flatMap((entry) =>
  idParameters(entry.definition.input).map((parameter) => ({ name: entry.name, entry, parameter, lookup: poolsOf(parameter.key, entry.name) })),
);

// A `[number]` (a reservation's…) is a serial read within the project of the key, never an id of another project:
// its cross-project case (another project's key) is in route-authorization.test.ts.
const pathParameters = (file: string) => [...file.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!).filter((name) => name !== 'projectKey' && name !== 'number');
const routeCases = routes.flatMap((route) => [
  ...idParameters(route.definition.query).map((parameter) => ({ where: 'query' as const, route, parameter, lookup: poolsOf(parameter.key, route.definition.name) })),
  ...pathParameters(route.file).map((key) => ({
    where: 'path' as const,
    route,
    parameter: { key, array: false },
    lookup: poolsOf(key, route.definition.name),
  })),
]);

let actionProbes = 0;
let routeProbes = 0;
afterAll(() => report({ foreignIdActionParameters: actionCases.length, foreignIdRouteParameters: routeCases.length, foreignIdProbes: actionProbes + routeProbes }));

/** One accepted draw per action, shared by its parameters' cases. */
const acceptedDraws = new Map<string, ReturnType<typeof searchAcceptedDraw>>();
function acceptedDraw(entry: GeneratedAction) {
  let search = acceptedDraws.get(entry.name);
  if (!search) acceptedDraws.set(entry.name, (search = searchAcceptedDraw(entry, { seed: 29, attempts: 400 })));
  return search;
}

/** A fixture whose caller of this kind is also an owner of the other project: allowed to act there too. */
async function fixtureWithDoubleMember(kind: Parameters<Fixture['actor']>[0]) {
  const fixture = await createFixture();
  const actor = fixture.actor(kind)!;
  await addMembership(fixture.otherProject, actor, 'owner');
  await actAs(actor);
  return fixture;
}

function withValue(input: unknown, parameter: IdParameter, value: string): Record<string, unknown> {
  return { ...(input as Record<string, unknown>), [parameter.key]: parameter.array ? [value] : value };
}

type Answer = { code?: string; fieldErrors?: Record<string, string[]>; message?: string };
const refusal = (value: unknown): Answer => {
  const { code, fieldErrors, message } = (value ?? {}) as Answer;
  return { code, fieldErrors, message };
};

describe('foreign ids: the suite covers every id parameter', () => {
  test('id parameters are found in the schemas (the discovery itself works)', () => {
    expect(actionCases.map((c) => `${c.name}.${c.parameter.key}`)).toEqual(
      expect.arrayContaining(['updateRequirement.id', 'updateRequirement.parentId', 'linkTestCase.targetId', 'removeMember.userId']),
    );
    expect(routeCases.map((c) => `${c.route.definition.name}.${c.parameter.key}`)).toContain('listRequirementTreeLevel.parent');
  });

  test('outside project actions, id parameters name accounts only (no project object is reachable without a project)', () => {
    const strays = actions
      .filter((a) => a.definition.scope !== 'project')
      .flatMap((a) => idParameters(a.definition.input).map((p) => ({ name: `${a.name}.${p.key}`, lookup: poolsOf(p.key, a.name) })))
      .filter(({ lookup }) => !('pools' in lookup) || lookup.pools.some((kind) => kind !== 'user'))
      .map(({ name }) => name);
    expect(strays).toEqual([]);
  });
});

describe('foreign ids in server actions', () => {
  test.each(actionCases.map((c) => [`${c.name}.${c.parameter.key}`, c] as const))(
    '%s with the other project’s object → refused as unknown, nothing changed',
    async (_title, { entry, parameter, lookup }) => {
      if ('error' in lookup) throw new Error(lookup.error);
      const search = await acceptedDraw(entry);
      expect(search.draw, `no accepted input for ${entry.name} in ${search.attempts} draws`).not.toBeNull();
      const { kind, recipe } = search.draw!;

      // The control: a member of both projects, with this project's own objects, is accepted.
      const control = await fixtureWithDoubleMember(kind);
      const controlOutcome = await call(entry.action, recipe(control));
      expect(accepted(controlOutcome), JSON.stringify(controlOutcome)).toBe(true);

      for (const pool of lookup.pools) {
        // What a made-up id gets: the answer the foreign id must not be told apart from.
        const unknown = await fixtureWithDoubleMember(kind);
        const unknownOutcome = await call(entry.action, withValue(recipe(unknown), parameter, randomUUID()));

        const fixture = await fixtureWithDoubleMember(kind);
        const input = withValue(recipe(fixture), parameter, fixture.foreign[pool]);
        const before = await allRows();
        const outcome = await call(entry.action, input);
        const changed = changes(before, await allRows());
        actionProbes += 1;

        const label = `${entry.name}.${parameter.key} = the other project's ${pool}: ${JSON.stringify(outcome)}`;
        expect(outcome.kind, label).toBe('result');
        if (outcome.kind !== 'result') continue;
        expect(outcome.ok, label).toBe(false);
        expect(outcome.value, label).not.toHaveProperty('data');
        const answer = refusal(outcome.value);
        if (answer.code === 'invalid') expect(Object.keys(answer.fieldErrors ?? {}), label).toEqual([parameter.key]);
        else expect(answer.code, label).toBe('not_found');
        expect(answer, label).toEqual(unknownOutcome.kind === 'result' ? refusal(unknownOutcome.value) : unknownOutcome);
        expect([...changed.keys()], label).toEqual([]);
      }
    },
    GENERATED_CASE_TIMEOUT,
  );
});

describe('foreign ids in routes', () => {
  test.each(routeCases.map((c) => [`${c.route.file} ${c.where} ${c.parameter.key}`, c] as const))(
    '%s with the other project’s object → 404 like an unknown id, nothing of it, nothing changed',
    async (_title, { route, parameter, lookup, where }) => {
      if ('error' in lookup) throw new Error(lookup.error);
      const [recipe] = fc.sample(plausibleInput(route.definition.query, route.definition.name), { seed: 29, numRuns: 1 }) as [Recipe];
      for (const pool of lookup.pools) {
        const fixture = await fixtureWithDoubleMember('owner');
        const ask = (value: string) =>
          where === 'query'
            ? callRoute(route, fixture, withValue(recipe(fixture), parameter, value))
            : callRoute(route, fixture, recipe(fixture), { [parameter.key]: value });

        const own = await ask(fixture.pools[pool][0]!);
        // A read answers 200; an upload creates its attachment (201).
        expect([200, 201], `${route.file} with this project's ${pool}: ${own.body}`).toContain(own.status);
        const unknown = await ask(randomUUID());
        const before = await allRows();
        const foreign = await ask(fixture.foreign[pool]);
        routeProbes += 1;
        const label = `${route.file} ${parameter.key} = the other project's ${pool}: ${foreign.body}`;
        expect(foreign.status, label).toBe(404);
        expect(JSON.parse(foreign.body), label).toEqual(JSON.parse(unknown.body));
        expect(foreign.body, label).not.toContain(fixture.foreign[pool]);
        expect([...changes(before, await allRows()).keys()], label).toEqual([]);
      }
    },
    GENERATED_CASE_TIMEOUT,
  );
});
