'use server';

import { revalidatePath } from 'next/cache';
import { findCreationRights } from '@/db/queries/instance-policy';
import { projectMembers, projects } from '@/db/schema';
import { ActionError } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/define-action';
import { mayCreateProjects } from '@/lib/auth/instance-policy';
import { projectFieldsSchema, projectKeySchema } from '@/lib/projects/schemas';

/** Whoever creates a project owns it, so the instance policy decides who may (lib/auth/instance-policy.ts). */
export const createProject = userAction({
  name: 'createProject',
  input: projectFieldsSchema.extend({ key: projectKeySchema }),
  async handler({ tx, actor, input, audit }) {
    const rights = await findCreationRights(tx, actor.id, { lock: true });
    if (!mayCreateProjects(rights.policy, { isAdmin: actor.isAdmin, isProjectCreator: rights.isProjectCreator })) {
      throw new ActionError('forbidden', 'projectCreationNotAllowed');
    }
    const inserted = await tx
      .insert(projects)
      .values({ key: input.key, name: input.name, client: input.client, description: input.description, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: projects.id, key: projects.key });
    const project = inserted[0];
    if (!project) throw new ActionError('conflict', 'projectKeyTaken', { key: ['project.keyTaken'] });
    await tx.insert(projectMembers).values({ projectId: project.id, userId: actor.id, role: 'owner', addedBy: actor.id });
    await audit({ projectId: project.id, entity: 'project', entityId: project.id, action: 'create', after: input });
    await audit({
      projectId: project.id,
      entity: 'member',
      entityId: actor.id,
      action: 'add',
      after: { role: 'owner' },
    });
    return { key: project.key };
  },
  after() {
    revalidatePath('/projects');
  },
});
