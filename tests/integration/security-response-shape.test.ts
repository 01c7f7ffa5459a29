import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { actAs } from '../setup/actors';
import { queryRows } from '../setup/db-state';
import { GENERATED_CASE_TIMEOUT, generatedActions, replay, report, searchAcceptedDraw, type Outcome } from '../setup/generated-calls';
import { emailsIn, shapeProblems, textProblems } from '../setup/response-shape';
import { callRoute, generatedRoutes } from '../setup/route-calls';
import { plausibleInput } from '../setup/schema-arbitraries';
import { createFixture, type Fixture } from '../setup/security-fixture';
import type { ActorKind } from '../setup/world';

vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));
vi.mock('@/lib/actions/define-route', async (real) => (await import('../setup/action-definitions')).recordRoutes(await real()));
vi.mock('@/lib/actions/define-api-route', async (real) => (await import('../setup/action-definitions')).recordApiRoutes(await real()));

/**
 * Response shape (ASVS 5.0 V15.3.1, DESIGN.md §5 "return only needed fields"): every action result, accepted or
 * refused, and every GET route answer carries only allow-listed keys, no password or token hash, no session
 * version, and no e-mail address of someone outside the project.
 */

async function memberEmails(fixture: Fixture): Promise<string[]> {
  const rows = await queryRows<{ email: string }>(
    sql`select u.email from users u join project_members m on m.user_id = u.id where m.project_id = ${fixture.project.id}`,
  );
  return rows.map((r) => r.email.toLowerCase());
}

const entries = await generatedActions();
const routes = await generatedRoutes();
let answersChecked = 0;

afterAll(() => report({ responseShapeAnswers: answersChecked, responseShapeRoutes: routes.length }));

describe('the checks themselves', () => {
  test('flag unknown keys, hashes, session versions and strangers\' e-mails', () => {
    const answer = {
      ok: true,
      data: { id: 'x', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', sessionVersion: 3, note: 'a@b.fr', tokenHash: 'ab'.repeat(32) },
    };
    const problems = shapeProblems(answer, new Set(['c@d.fr'])).map((p) => `${p.path}: ${p.problem}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '$.data.passwordHash: secret-looking key',
        '$.data.passwordHash: argon2 hash',
        '$.data.sessionVersion: secret-looking key',
        '$.data.note: key not in the allow-list',
        '$.data.note: e-mail of someone the caller may not see: a@b.fr',
        '$.data.tokenHash: hex digest',
      ]),
    );
    expect(shapeProblems({ ok: true, data: { id: 'x', email: 'c@d.fr' } }, new Set(['c@d.fr']))).toEqual([]);
  });
});

describe('action results', () => {
  test.each(entries.map((e) => [e.name, e] as const))('%s answers only allow-listed fields', async (_name, entry) => {
    const search = await searchAcceptedDraw(entry, { seed: 11, attempts: 400 });
    expect(search.draw, `no accepted input for ${entry.name}`).not.toBeNull();
    const played = await replay(entry, search.draw!);

    // The accounts the accepted call acted on (the one whose password a link set, say) are known to the caller.
    const actedOn = [...(played.change.get('users')?.inserted ?? [])].map((row) => String(row.email).toLowerCase());
    const answers: { fixture: Fixture; kind: ActorKind; input: unknown; outcome: Outcome; known: string[] }[] = [
      { fixture: played.fixture, kind: search.draw!.kind, input: played.input, outcome: played.outcome, known: actedOn },
      ...search.refusals.map((r) => ({ fixture: search.fixture, kind: search.draw!.kind, input: r.input, outcome: r.outcome, known: [] })),
    ];
    for (const { fixture, kind, input, outcome, known } of answers) {
      expect(outcome.kind, JSON.stringify(outcome)).not.toBe('thrown');
      if (outcome.kind !== 'result') continue;
      const actor = fixture.actor(kind);
      const allowed =
        entry.definition.scope === 'admin'
          ? null
          : new Set([
              ...(actor ? [actor.email.toLowerCase()] : []),
              ...emailsIn(input),
              ...known,
              ...(entry.definition.scope === 'project' ? await memberEmails(fixture) : []),
            ]);
      expect(shapeProblems(outcome.value, allowed), JSON.stringify(outcome.value)).toEqual([]);
      answersChecked += 1;
    }
  }, GENERATED_CASE_TIMEOUT);
});

describe('routes', () => {
  test('every route is found', () => {
    expect(routes.length).toBeGreaterThanOrEqual(2);
  });

  test.each(routes.map((r) => [`${r.method} ${r.file}`, r] as const))('%s answers only allow-listed fields', async (_label, route) => {
    const fixture = await createFixture();
    const draws = fc.sample(
      fc.record({ kind: fc.constantFrom<ActorKind>('owner', 'viewer', 'moa', 'outsider'), query: plausibleInput(route.definition.query, route.definition.name) }),
      { seed: 5, numRuns: 30 },
    );
    const members = new Set(await memberEmails(fixture));
    let answered = 0;
    for (const { kind, query } of draws) {
      await actAs(fixture.actor(kind));
      const response = await callRoute(route, fixture, query(fixture));
      expect(response.status, response.body).toBeLessThan(500);
      // The OpenAPI document's keys are the schema vocabulary, not data: its text is checked for secrets and e-mails.
      const schemaDocument = route.definition.name === 'openApiDocument';
      const problems = response.contentType.includes('json') && !schemaDocument
        ? shapeProblems(JSON.parse(response.body), members)
        : textProblems(response.body, members);
      expect(problems, response.body.slice(0, 500)).toEqual([]);
      // 201: an accepted upload.
      if (response.status === 200 || response.status === 201) answered += 1;
      answersChecked += 1;
    }
    expect(answered, 'some draws are answered, not only refused').toBeGreaterThan(0);
  }, GENERATED_CASE_TIMEOUT);
});
