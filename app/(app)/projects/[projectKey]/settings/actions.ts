'use server';

import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Transaction } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { createAccountWithSetupLink } from '@/db/queries/accounts';
import { findCreationRights } from '@/db/queries/instance-policy';
import { projectMembers, projects } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { mayCreateAccountsAsOwner } from '@/lib/auth/instance-policy';
import {
  emailSchema,
  personNameSchema,
  projectFieldsSchema,
  projectKeySchema,
  projectRoleSchema,
  versionSchema,
} from '@/lib/projects/schemas';

const inProject = z.object({ projectKey: projectKeySchema });
const userIdSchema = z.uuid({ message: 'invalid' });

export const updateProject = projectAction({
  name: 'updateProject',
  permission: 'project.manage',
  input: inProject.extend(projectFieldsSchema.shape).extend({ version: versionSchema }),
  async handler({ tx, input, membership, audit }) {
    const [before] = await tx
      .select({ name: projects.name, client: projects.client, description: projects.description, version: projects.version })
      .from(projects)
      .where(eq(projects.id, membership.projectId));
    const [updated] = await tx
      .update(projects)
      .set({
        name: input.name,
        client: input.client,
        description: input.description,
        version: sql`${projects.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(projects.id, membership.projectId), eq(projects.version, input.version)))
      .returning({ version: projects.version });
    if (!updated) throw new ActionError('conflict', 'staleVersion');
    const after = { name: input.name, client: input.client, description: input.description, version: updated.version };
    await audit({ entity: 'project', entityId: membership.projectId, action: 'update', before, after });
    return { version: updated.version };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

/**
 * Adds a person to the project. An existing account is added if it is active. An e-mail without an account is an
 * invitation: only if the instance policy lets owners create accounts (administrators always may), it creates the
 * account and returns a one-time link that the owner hands over (there is no e-mail); the link lets the person
 * choose a password. Both are audited, naming people by id only.
 */
export const addMember = projectAction({
  name: 'addMember',
  permission: 'project.manage',
  input: inProject.extend({
    email: emailSchema,
    name: z.string().trim().max(120).optional(),
    role: projectRoleSchema,
  }),
  async handler({ tx, actor, input, membership, audit }) {
    const existing = await findUserByEmail(tx, input.email);
    if (existing && !existing.isActive) throw new ActionError('invalid', 'accountDeactivated', { email: ['member.deactivated'] });
    let person: { id: string; name: string };
    let setupLink: string | null = null;
    if (existing) {
      person = existing;
    } else {
      const { policy } = await findCreationRights(tx, actor.id, { lock: true });
      if (!mayCreateAccountsAsOwner(policy, actor)) {
        throw new ActionError('forbidden', 'accountCreationNotAllowed', { email: ['member.noAccountCreation'] });
      }
      const name = personNameSchema.safeParse(input.name ?? '');
      if (!name.success) throw new ActionError('invalid', 'invalid', { name: ['member.nameForNewAccount'] });
      const created = await createAccountWithSetupLink(tx, { email: input.email, name: name.data, createdBy: actor.id });
      person = created.user;
      setupLink = created.setupLink;
      await audit({ projectId: null, entity: 'user', entityId: person.id, action: 'create', after: { projectId: membership.projectId } });
    }
    const added = await tx
      .insert(projectMembers)
      .values({ projectId: membership.projectId, userId: person.id, role: input.role, addedBy: actor.id })
      .onConflictDoNothing()
      .returning({ userId: projectMembers.userId });
    if (added.length === 0) throw new ActionError('conflict', 'alreadyMember', { email: ['member.already'] });
    await audit({ entity: 'member', entityId: person.id, action: existing ? 'add' : 'invite', after: { userId: person.id, role: input.role } });
    return { userId: person.id, name: person.name, setupLink };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}/settings`);
  },
});

/**
 * Locks the project's owner rows, then tells whether the change would leave it without an owner.
 * The lock serializes two owners demoting each other at the same moment.
 */
async function wouldRemoveLastOwner(tx: Transaction, projectId: string, userId: string): Promise<boolean> {
  const owners = await tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'owner')))
    .for('update');
  return owners.length === 1 && owners[0]!.userId === userId;
}

async function findMemberRole(tx: Transaction, projectId: string, userId: string) {
  const [row] = await tx
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  if (!row) throw new ActionError('not_found');
  return row.role;
}

export const changeMemberRole = projectAction({
  name: 'changeMemberRole',
  permission: 'project.manage',
  input: inProject.extend({ userId: userIdSchema, role: projectRoleSchema }),
  async handler({ tx, input, membership, audit }) {
    const before = await findMemberRole(tx, membership.projectId, input.userId);
    if (before === 'owner' && (await wouldRemoveLastOwner(tx, membership.projectId, input.userId))) {
      throw new ActionError('conflict', 'lastOwner');
    }
    await tx
      .update(projectMembers)
      .set({ role: input.role })
      .where(and(eq(projectMembers.projectId, membership.projectId), eq(projectMembers.userId, input.userId)));
    await audit({ entity: 'member', entityId: input.userId, action: 'change_role', before: { role: before }, after: { role: input.role } });
    return { role: input.role };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

export const removeMember = projectAction({
  name: 'removeMember',
  permission: 'project.manage',
  input: inProject.extend({ userId: userIdSchema }),
  async handler({ tx, input, membership, audit }) {
    const before = await findMemberRole(tx, membership.projectId, input.userId);
    if (before === 'owner' && (await wouldRemoveLastOwner(tx, membership.projectId, input.userId))) {
      throw new ActionError('conflict', 'lastOwner');
    }
    await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, membership.projectId), eq(projectMembers.userId, input.userId)));
    await audit({ entity: 'member', entityId: input.userId, action: 'remove', before: { role: before } });
    return { userId: input.userId };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
