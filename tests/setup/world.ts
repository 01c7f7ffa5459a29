import { type ProjectRole } from '@/lib/auth/roles';
import { createProject, createProjectWithMembers, createUser, type TestProject, type TestUser } from './actors';

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

export async function createWorld(): Promise<World> {
  const { project, members } = await createProjectWithMembers();
  const outsider = await createUser({ name: 'Personne extérieure' });
  const otherProject = await createProject(outsider);
  const admin = await createUser({ name: 'Administratrice', isAdmin: true });
  const target = await createUser({ name: 'Compte cible' });
  return { project, members, outsider, otherProject, admin, target };
}

export const ACTOR_KINDS = ['owner', 'amoe', 'amoa', 'moa', 'viewer', 'outsider', 'admin', 'signedOut'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export function actorOf(world: World, kind: ActorKind): TestUser | null {
  if (kind === 'signedOut') return null;
  if (kind === 'outsider') return world.outsider;
  if (kind === 'admin') return world.admin;
  return world.members[kind];
}
