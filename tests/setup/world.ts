import { getDb } from '@/db/client';
import { projectMembers, projects, users } from '@/db/schema';
import { PROJECT_ROLES, type ProjectRole } from '@/lib/auth/roles';
import { testPasswordHash, unique, uniqueProjectKey, type TestProject, type TestUser } from './actors';

/**
 * Everything an authorization case needs, fresh for each case: a project with one member per role, an outsider
 * who owns another project (a member elsewhere, never here), an instance administrator who belongs to no project,
 * and a plain account for administration actions to act on.
 */
export interface World {
  project: TestProject;
  members: Record<ProjectRole, TestUser>;
  outsider: TestUser;
  otherProject: TestProject;
  admin: TestUser;
  target: TestUser;
}

/** Built in four statements: the matrix builds one world per case. */
export async function createWorld(): Promise<World> {
  const db = getDb();
  const passwordHash = await testPasswordHash();
  const labels = [...PROJECT_ROLES, 'outsider', 'admin', 'target'] as const;
  const rows = await db
    .insert(users)
    .values(
      labels.map((label) => ({
        email: `${unique(`${label}-`)}@example.test`,
        name: `Compte ${label}`,
        isAdmin: label === 'admin',
        passwordHash,
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name });
  const byLabel = Object.fromEntries(labels.map((label, i) => [label, rows[i]!])) as Record<(typeof labels)[number], TestUser>;

  const [project, otherProject] = await db
    .insert(projects)
    .values([
      { key: uniqueProjectKey('W'), name: 'Projet de test', client: 'Client de test', createdBy: byLabel.owner.id },
      { key: uniqueProjectKey('X'), name: 'Autre projet', client: 'Autre client', createdBy: byLabel.outsider.id },
    ])
    .returning({ id: projects.id, key: projects.key, version: projects.version });
  await db.insert(projectMembers).values([
    ...PROJECT_ROLES.map((role) => ({ projectId: project!.id, userId: byLabel[role].id, role })),
    { projectId: otherProject!.id, userId: byLabel.outsider.id, role: 'owner' as const },
  ]);

  const members = Object.fromEntries(PROJECT_ROLES.map((role) => [role, byLabel[role]])) as Record<ProjectRole, TestUser>;
  return { project: project!, members, outsider: byLabel.outsider, otherProject: otherProject!, admin: byLabel.admin, target: byLabel.target };
}

export const ACTOR_KINDS = ['owner', 'amoe', 'amoa', 'moa', 'viewer', 'outsider', 'admin', 'signedOut'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export function actorOf(world: World, kind: ActorKind): TestUser | null {
  if (kind === 'signedOut') return null;
  if (kind === 'outsider') return world.outsider;
  if (kind === 'admin') return world.admin;
  return world.members[kind];
}
