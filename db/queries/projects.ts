import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projectMembers, projects } from '@/db/schema';

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
