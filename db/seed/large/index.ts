import { performance } from 'node:perf_hooks';
import { inArray, like, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditEvents, projectMembers, projects, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password-hash';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';
import { LARGE_PROJECT_SHAPE, planLargeProject, type LargeProjectShape, type PlannedPerson } from '@/lib/large-project/plan';
import { createRandom } from '@/lib/large-project/random';
import { seedDemoCampaigns } from '../demo-campaigns';
import { seedDemoRecette } from '../demo-recette';
import { seedDemoRunner } from '../demo-runner';
import { seedDemoSignoff } from '../demo-signoff';
import { seedDemoTraceability } from '../demo-traceability';
import { insertInChunks } from './bulk';
import type { Generator, GeneratorContext } from './context';
import { goLiveGenerator } from './go-live';
import { notificationsGenerator } from './notifications';
import { readinessGenerator } from './readiness';
import { recetteGenerator } from './recette';
import { signoffGenerator } from './signoff';
import { testCasesGenerator } from './test-cases';
import { traceabilityGenerator } from './traceability';

/** The benchmark's projects and accounts: fixed names, so `bench:pages` and people know what to open. */
export const LARGE_PROJECT = { key: 'CHARGE', name: 'Programme SI de gestion (jeu de charge)', client: 'Collectivité Exemple' } as const;
export const SMALL_PROJECT = { key: 'PETIT', name: 'Petit projet (comme la démo)', client: 'Groupe Exemple' } as const;
export const LARGE_ACCOUNT_DOMAIN = 'charge.passerelle.demo';
export const LARGE_ACCOUNT_PASSWORD = 'passerelle-charge';
/** The small project's "today": a fixed day, so its dates are the same on every run. */
const SMALL_PROJECT_DAY = new Date(Date.UTC(2026, 5, 15, 9, 0, 0));

/** In order; a capability that adds tables adds its module here. */
const GENERATORS: Generator[] = [
  traceabilityGenerator,
  testCasesGenerator,
  recetteGenerator,
  readinessGenerator,
  signoffGenerator,
  goLiveGenerator,
  notificationsGenerator,
];

export class LargeProjectExistsError extends Error {
  constructor() {
    super(
      `La base contient déjà le jeu de charge (projet ${LARGE_PROJECT.key} ou comptes @${LARGE_ACCOUNT_DOMAIN}). ` +
        'Relancez avec --reset pour effacer toute la base et recommencer. / The large project is already there: use --reset.',
    );
    this.name = 'LargeProjectExistsError';
  }
}

export async function hasLargeProject(db: Database): Promise<boolean> {
  const [project] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(inArray(projects.key, [LARGE_PROJECT.key, SMALL_PROJECT.key]))
    .limit(1);
  if (project) return true;
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, `%@${LARGE_ACCOUNT_DOMAIN}`))
    .limit(1);
  return !!user;
}

export interface SeedSummary {
  accounts: Pick<PlannedPerson, 'email' | 'role'>[];
  steps: { name: string; ms: number; counts: Record<string, number> }[];
}

/** Writes the large project, the small one and the accounts in one transaction: all of it or nothing. */
export async function seedLargeProject(
  db: Database,
  options: { seed?: number; shape?: LargeProjectShape } = {},
): Promise<SeedSummary> {
  if (await hasLargeProject(db)) throw new LargeProjectExistsError();
  const steps: SeedSummary['steps'] = [];
  const timed = async (name: string, run: () => Promise<Record<string, number>>) => {
    const started = performance.now();
    const counts = await run();
    steps.push({ name, ms: performance.now() - started, counts });
  };

  const random = createRandom(options.seed ?? 20_260_105);
  let plan!: ReturnType<typeof planLargeProject>;
  await timed('plan', async () => {
    plan = planLargeProject(random, options.shape ?? LARGE_PROJECT_SHAPE, LARGE_ACCOUNT_DOMAIN);
    return {};
  });
  // One hash for every generated account: argon2 is slow on purpose, and these are throwaway benchmark accounts.
  const passwordHash = await hashPassword(LARGE_ACCOUNT_PASSWORD);
  const accounts = Object.fromEntries(PROJECT_ROLES.map((role) => [role, plan.people.find((p) => p.role === role)!])) as Record<
    ProjectRole,
    PlannedPerson
  >;

  await db.transaction(async (tx) => {
    let context!: GeneratorContext;
    await timed('comptes et projets', async () => {
      await insertInChunks(
        tx,
        users,
        plan.people.map((p) => ({ id: p.id, email: p.email, name: p.name, passwordHash, isAdmin: p === accounts.owner })),
      );
      const owner = accounts.owner.id;
      const [large, small] = await tx
        .insert(projects)
        .values([
          { ...LARGE_PROJECT, description: 'Projet généré par `npm run seed:large` pour mesurer les pages.', createdBy: owner },
          { ...SMALL_PROJECT, description: 'Projet de la taille de la démo, pour comparer.', createdBy: owner },
        ])
        .returning({ id: projects.id });
      const roleAccounts = Object.values(accounts);
      await insertInChunks(tx, projectMembers, [
        ...plan.people.map((p) => ({ projectId: large!.id, userId: p.id, role: p.role, addedBy: owner })),
        ...roleAccounts.map((p) => ({ projectId: small!.id, userId: p.id, role: p.role, addedBy: owner })),
      ]);
      await tx.insert(auditEvents).values([
        { actorId: owner, projectId: large!.id, entity: 'project', entityId: large!.id, action: 'create', after: LARGE_PROJECT },
        { actorId: owner, projectId: small!.id, entity: 'project', entityId: small!.id, action: 'create', after: SMALL_PROJECT },
      ]);
      context = { tx, random, plan, largeProjectId: large!.id, smallProjectId: small!.id, accounts };
      return { accounts: plan.people.length, 'large project members': plan.people.length };
    });
    // The demo's own data, so every page the benchmark opens on the large project exists on the small one too and
    // their SQL statement counts compare like with like (a missing row would answer 404 after fewer statements).
    await timed(`petit projet ${SMALL_PROJECT.key}`, async () => {
      const small = context.smallProjectId;
      const people = { owner: accounts.owner.id, amoe: accounts.amoe.id, amoa: accounts.amoa.id, moa: accounts.moa.id, viewer: accounts.viewer.id };
      return {
        ...(await seedDemoTraceability(tx, small, { amoa: people.amoa, amoe: people.amoe })),
        ...(await seedDemoRecette(tx, small, people.amoe)),
        ...(await seedDemoRunner(tx, small, people.amoe)),
        ...(await seedDemoCampaigns(tx, small, people, SMALL_PROJECT_DAY)),
        ...(await seedDemoSignoff(tx, small, people, SMALL_PROJECT_DAY)),
      };
    });
    for (const generator of GENERATORS) await timed(generator.name, () => generator.run(context));
  });
  // As autovacuum would leave it: statistics, and the visibility map that lets counts and facets read indexes alone.
  await timed('vacuum analyze', async () => {
    await db.execute(sql`vacuum (analyze)`);
    return {};
  });
  return { accounts: Object.values(accounts).map(({ email, role }) => ({ email, role })), steps };
}
