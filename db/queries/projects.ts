import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { projectMembers, projects } from '@/db/schema';
import type { AuditEntry } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { mayCreateProjects } from '@/lib/auth/instance-policy';
import { findCreationRights } from './instance-policy';

/**
 * A new project owned by `actor`, if the instance policy lets them create one (lib/auth/instance-policy.ts): the
 * project, its owner membership and their journal rows. A taken key is a conflict on `key`.
 */
export async function createOwnedProject(
  tx: Transaction,
  actor: { id: string; isAdmin: boolean },
  fields: { key: string; name: string; client: string; description: string },
  audit: (entry: AuditEntry) => Promise<void>,
  journal: Record<string, unknown> = fields,
) {
  const rights = await findCreationRights(tx, actor.id, { lock: true });
  if (!mayCreateProjects(rights.policy, { isAdmin: actor.isAdmin, isProjectCreator: rights.isProjectCreator })) {
    throw new ActionError('forbidden', 'projectCreationNotAllowed');
  }
  const inserted = await tx
    .insert(projects)
    .values({ key: fields.key, name: fields.name, client: fields.client, description: fields.description, createdBy: actor.id })
    .onConflictDoNothing()
    .returning({ id: projects.id, key: projects.key });
  const project = inserted[0];
  if (!project) throw new ActionError('conflict', 'projectKeyTaken', { key: ['project.keyTaken'] });
  await tx.insert(projectMembers).values({ projectId: project.id, userId: actor.id, role: 'owner', addedBy: actor.id });
  await audit({ projectId: project.id, entity: 'project', entityId: project.id, action: 'create', after: journal });
  await audit({ projectId: project.id, entity: 'member', entityId: actor.id, action: 'add', after: { role: 'owner' } });
  return project;
}

/** "Mes projets": only the projects the person is a member of, with their role and team size. */
export async function listProjectsForUser(db: Executor, userId: string) {
  return db
    .select({
      key: projects.key,
      name: projects.name,
      client: projects.client,
      description: projects.description,
      role: projectMembers.role,
      memberCount: sql<number>`(select count(*)::int from ${projectMembers} pm where pm.project_id = ${projects.id})`,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(projects.key));
}

export async function findProjectById(db: Executor, projectId: string) {
  const [row] = await db
    .select({
      id: projects.id,
      key: projects.key,
      name: projects.name,
      client: projects.client,
      description: projects.description,
      version: projects.version,
      createdAt: projects.createdAt,
    })
    .from(projects)
    .where(eq(projects.id, projectId))
    .limit(1);
  return row ?? null;
}
