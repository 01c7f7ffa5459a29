import { afterAll, describe, expect, test, vi } from 'vitest';
import { actAs } from '../setup/actors';
import { GENERATED_CASE_TIMEOUT, call, generatedActions, report, searchAcceptedDraw, type Outcome } from '../setup/generated-calls';
import { namedKeys } from '../setup/schema-arbitraries';
import { createFixture } from '../setup/security-fixture';
import { allRows, changes, normalized } from '../setup/table-rows';

vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));

/**
 * Concurrency (DESIGN.md §7 "a stale save gets a conflict, never a lost update"): every action that carries the
 * version the person saw is sent several times at once with the same input, and the same calls are made one after
 * the other on an identical fixture. The parallel calls must leave exactly what the sequential ones leave (same
 * rows, same journal, same answers: for a save, one wins and the others get a conflict), and never a server error
 * (no deadlock, no serialization failure). Real parallelism on PostgreSQL (TEST_DATABASE_URL, as in CI); on PGlite
 * the calls queue on its single connection, which still checks the version logic.
 */

const PARALLEL = 6;
const entries = (await generatedActions()).filter((e) => namedKeys(e.definition.input).some((key) => /version/i.test(key)));
let cases = 0;
afterAll(() => report({ concurrencyActions: cases, concurrencyCalls: cases * PARALLEL }));

describe('parallel saves of the same item', () => {
  test('the versioned actions are found', () => {
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['updateRequirement', 'updateSpecification', 'updateProject']));
  });

  test.each(entries.map((e) => [e.name, e] as const))('%s: parallel saves leave what sequential ones leave, never a server error', async (_name, entry) => {
    const search = await searchAcceptedDraw(entry, { seed: 17, attempts: 400 });
    expect(search.draw, `no accepted input for ${entry.name}`).not.toBeNull();
    const play = async (parallel: boolean) => {
      const fixture = await createFixture();
      await actAs(fixture.actor(search.draw!.kind));
      const input = search.draw!.recipe(fixture);
      const before = await allRows();
      const outcomes: Outcome[] = [];
      if (parallel) outcomes.push(...(await Promise.all(Array.from({ length: PARALLEL }, () => call(entry.action, input)))));
      else for (let i = 0; i < PARALLEL; i += 1) outcomes.push(await call(entry.action, input));
      const answers = outcomes.map((o) => (o.kind === 'result' ? (o.ok ? 'ok' : o.code) : o.kind)).sort();
      return { answers, change: normalized(changes(before, await allRows()), fixture.symbols) };
    };
    const sequential = await play(false);
    const parallel = await play(true);
    cases += 1;

    expect(sequential.answers).toContain('ok');
    expect(parallel.answers).toEqual(sequential.answers);
    expect(parallel.change).toBe(sequential.change);
  }, GENERATED_CASE_TIMEOUT);
});
