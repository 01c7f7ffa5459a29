import fs from 'node:fs';
import fc from 'fast-check';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { actAs, sessionPool } from './actors';
import { actionDefinitionOf, type ActionDefinition } from './action-definitions';
import { plausibleInput } from './schema-arbitraries';
import { createFixture, type Fixture, type Recipe } from './security-fixture';
import { loadServerActions, scanServerActionModules, type AnyServerAction } from './server-actions';
import { allRows, changes, watchTables, type TableChange } from './table-rows';
import { PROJECT_ROLES } from '@/lib/auth/roles';
import type { ActorKind } from './world';

/**
 * The server actions as the security suites see them: every export of every 'use server' module (the same scan
 * as the authorization matrix), each with the definition it was built from. Needs the recording mocks of
 * `action-definitions.ts` installed by the suite.
 */
export interface GeneratedAction {
  name: string;
  module: string;
  action: AnyServerAction;
  definition: ActionDefinition;
}

export async function generatedActions(): Promise<GeneratedAction[]> {
  const found = await loadServerActions(scanServerActionModules().modules);
  return found.map(({ name, module, action }) => {
    const definition = actionDefinitionOf(action);
    if (!definition) throw new Error(`${module} → ${name} is not built with lib/actions/define-action.ts`);
    return { name, module, action, definition };
  });
}

/** Who may plausibly succeed with an action of this scope (the matrix checks who may not). */
export function likelyCallers(definition: ActionDefinition): ActorKind[] {
  switch (definition.scope) {
    case 'project':
      return [...PROJECT_ROLES];
    case 'admin':
      return ['admin'];
    case 'user':
      // Some user-scope actions are open to administrators only by instance policy (createProject by default).
      return ['amoe', 'owner', 'admin'];
    default:
      return ['signedOut', 'viewer'];
  }
}

export type Outcome =
  | { kind: 'result'; ok: boolean; code?: string; value: unknown }
  | { kind: 'redirect'; url: string }
  | { kind: 'thrown'; error: unknown };

/** Calls the action as a browser would; a redirect (sign-in, sign-out) is an answer, any other throw is not. */
export async function call(action: AnyServerAction, input: unknown): Promise<Outcome> {
  try {
    const value = (await action(input)) as { ok?: unknown; code?: unknown } | null;
    return { kind: 'result', ok: value?.ok === true, code: typeof value?.code === 'string' ? value.code : undefined, value };
  } catch (error) {
    if (isRedirectError(error)) return { kind: 'redirect', url: String((error as { digest?: string }).digest ?? '') };
    return { kind: 'thrown', error };
  }
}

export const accepted = (outcome: Outcome) => (outcome.kind === 'result' && outcome.ok) || outcome.kind === 'redirect';

export interface Draw {
  kind: ActorKind;
  recipe: Recipe;
}

export interface Refusal {
  input: unknown;
  outcome: Outcome;
  writes: boolean;
}

/**
 * Draws plausible inputs (and callers) for an action until one is accepted, on one fixture. Refused draws are
 * returned too: they must have written nothing, which the suites check.
 */
/**
 * Draws inputs until the action accepts one. With `mustWrite`, an accepted call that changed nothing (a save of what
 * is already there, which the action reports with `nothingChanged()` and journals nowhere) keeps the search going.
 */
export async function searchAcceptedDraw(entry: GeneratedAction, options: { seed: number; attempts: number; mustWrite?: boolean }) {
  const fixture = await createFixture();
  const draws = fc.sample(
    fc.record({ kind: fc.constantFrom(...likelyCallers(entry.definition)), recipe: plausibleInput(entry.definition.input, entry.name) }),
    { seed: options.seed, numRuns: options.attempts },
  );
  const refusals: Refusal[] = [];
  const sessions = sessionPool();
  const tables = await watchTables();
  for (const draw of draws) {
    await sessions.actAs(fixture.actor(draw.kind));
    const before = await tables.current();
    const input = draw.recipe(fixture);
    const outcome = await call(entry.action, input);
    const wrote = (await tables.current()) !== before;
    if (wrote) sessions.forget();
    if (accepted(outcome) && (wrote || !options.mustWrite)) return { fixture, draw, refusals, attempts: refusals.length + 1 };
    refusals.push({ input, outcome, writes: wrote });
  }
  return { fixture, draw: null, refusals, attempts: refusals.length };
}

export interface Replay {
  fixture: Fixture;
  input: unknown;
  outcome: Outcome;
  change: Map<string, TableChange>;
}

/** Plays one draw on a fresh fixture and records what it changed, with extra fields merged into the input. */
export async function replay(entry: GeneratedAction, draw: Draw, extras?: (f: Fixture) => Record<string, unknown>): Promise<Replay> {
  const fixture = await createFixture();
  const base = draw.recipe(fixture);
  const input = extras && base && typeof base === 'object' ? { ...(base as object), ...extras(fixture) } : base;
  await actAs(fixture.actor(draw.kind));
  const before = await allRows();
  const outcome = await call(entry.action, input);
  const change = changes(before, await allRows());
  return { fixture, input, outcome, change };
}

/** Runs per property in `npm test`; `npm run test:security` raises it. */
export const FUZZ_RUNS = Number(process.env.SECURITY_FUZZ_RUNS ?? 25);

/** Generated cases draw, replay and fingerprint the whole database many times: room for a loaded machine. */
export const GENERATED_CASE_TIMEOUT = 180_000;
export const FUZZ_CASE_TIMEOUT = Math.max(60_000, FUZZ_RUNS * 3_000);

/** Figures for `npm run test:security`, which sets SECURITY_REPORT to a file it reads at the end. */
export function report(figures: Record<string, number>): void {
  const file = process.env.SECURITY_REPORT;
  if (file) fs.appendFileSync(file, `${JSON.stringify(figures)}\n`);
}
