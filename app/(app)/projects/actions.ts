'use server';

import { revalidatePath } from 'next/cache';
import { createOwnedProject } from '@/db/queries/projects';
import { userAction } from '@/lib/actions/define-action';
import { projectFieldsSchema, projectKeySchema } from '@/lib/projects/schemas';

/** Whoever creates a project owns it, so the instance policy decides who may (lib/auth/instance-policy.ts). */
export const createProject = userAction({
  name: 'createProject',
  input: projectFieldsSchema.extend({ key: projectKeySchema }),
  async handler({ tx, actor, input, audit }) {
    const project = await createOwnedProject(tx, actor, input, audit, input);
    return { key: project.key };
  },
  after() {
    revalidatePath('/projects');
  },
});
