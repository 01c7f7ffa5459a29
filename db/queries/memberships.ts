import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { projectMembers, projects, users } from '@/db/schema';
import type { ProjectRole } from '@/lib/auth/roles';

export interface ProjectMembership {
  projectId: string;
  projectKey: string;
  projectName: string;
  role: ProjectRole;
}

/** The actor's membership in a project, or null: the single gate for every project-scoped read and action. */
export async function findProjectMembership(
  db: Executor,
  userId: string,
  projectKey: string,
): Promise<ProjectMembership | null> {
  const [row] = await db
    .select({
      projectId: projects.id,
      projectKey: projects.key,
      projectName: projects.name,
      role: projectMembers.role,
    })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(and(eq(projectMembers.userId, userId), eq(projects.key, projectKey.toUpperCase())))
    .limit(1);
  return row ?? null;
}

export async function listProjectMembers(db: Executor, projectId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: projectMembers.role,
      isActive: users.isActive,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      addedAt: projectMembers.createdAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.name));
}

