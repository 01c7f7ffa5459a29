import { afterAll, describe, expect, test, vi } from 'vitest';
import { namedKeys } from '../setup/schema-arbitraries';
import { GENERATED_CASE_TIMEOUT, generatedActions, replay, report, searchAcceptedDraw } from '../setup/generated-calls';
import type { Fixture } from '../setup/security-fixture';
import { normalized } from '../setup/table-rows';

vi.mock('@/lib/actions/define-action', async (real) => (await import('../setup/action-definitions')).recordActions(await real()));

/**
 * Mass assignment (ASVS 5.0 V15.3.3): fields a schema does not name are ignored or refused, proven by effect. For
 * every server action, an accepted input is drawn from its schema; it is then played on two fixtures built the
 * same way, once as drawn and once with the sensitive extras merged in, and the rows the two calls wrote must be
 * the same (ids, times and hashes aside).
 */

/** Each extra points somewhere it would do harm: the other project, the outsider, the top role, a foreign item. */
const EXTRAS: Record<string, (f: Fixture) => unknown> = {
  projectId: (f) => f.otherProject.id,
  projectKey: (f) => f.otherProject.key,
  status: () => 'approved',
  version: () => 99,
  createdBy: (f) => f.outsider.id,
  updatedBy: (f) => f.outsider.id,
  signedBy: (f) => f.outsider.id,
  addedBy: (f) => f.outsider.id,
  reviewedBy: (f) => f.outsider.id,
  actorId: (f) => f.outsider.id,
  userId: (f) => f.outsider.id,
  role: () => 'owner',
  isAdmin: () => true,
  isActive: () => true,
  sessionVersion: () => 0,
  passwordHash: () => '$argon2id$v=19$m=19456,t=2,p=1$Zm9yZ2Vk$Zm9yZ2Vk',
  id: (f) => f.pools.requirement.at(-1),
  number: () => 1,
  createdAt: () => '2000-01-01T00:00:00Z',
};

const entries = await generatedActions();
let compared = 0;
let extrasSent = 0;

afterAll(() => report({ massAssignmentActions: compared, massAssignmentExtras: extrasSent }));

describe('mass assignment', () => {
  test('every server action is covered', () => {
    expect(entries.length).toBeGreaterThanOrEqual(20);
  });

  test.each(entries.map((e) => [e.name, e] as const))('%s ignores or refuses the fields its schema does not name', async (_name, entry) => {
    const named = new Set(namedKeys(entry.definition.input));
    const unnamed = Object.keys(EXTRAS).filter((key) => !named.has(key));
    const { draw, attempts } = await searchAcceptedDraw(entry, { seed: 7, attempts: 400 });
    expect(draw, `no accepted input for ${entry.name} in ${attempts} draws`).not.toBeNull();

    const plain = await replay(entry, draw!);
    expect(plain.outcome.kind === 'redirect' || (plain.outcome.kind === 'result' && plain.outcome.ok), JSON.stringify(plain.outcome)).toBe(true);
    const withExtras = await replay(entry, draw!, (f) => Object.fromEntries(unnamed.map((key) => [key, EXTRAS[key]!(f)])));
    extrasSent += unnamed.length;
    compared += 1;

    if (withExtras.outcome.kind === 'result' && !withExtras.outcome.ok) {
      // Refused is fine, provided nothing was written.
      expect(withExtras.change.size, JSON.stringify(withExtras.outcome)).toBe(0);
      return;
    }
    expect(normalized(withExtras.change, withExtras.fixture.symbols)).toBe(normalized(plain.change, plain.fixture.symbols));
  }, GENERATED_CASE_TIMEOUT);
});
