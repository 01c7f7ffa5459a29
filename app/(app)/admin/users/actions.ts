'use server';

import { eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAccountWithSetupLink, issueSetupLink, lockAccount, pseudonymizeAccount } from '@/db/queries/accounts';
import { revokeSessions } from '@/db/queries/sessions';
import { getInstancePolicy, saveInstancePolicy } from '@/db/queries/instance-policy';
import { findUserByEmail } from '@/db/queries/users';
import { users } from '@/db/schema';
import { adminAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { PROJECT_CREATION_POLICIES } from '@/lib/auth/instance-policy';
import { emailSchema, personNameSchema, versionSchema } from '@/lib/projects/schemas';

const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

export const createUser = adminAction({
  name: 'createUser',
  input: z.object({ name: personNameSchema, email: emailSchema, isAdmin: checkbox.default(false) }),
  async handler({ tx, actor, input, audit }) {
    if (await findUserByEmail(tx, input.email)) throw new ActionError('conflict', 'emailTaken', { email: ['user.emailTaken'] });
    const { user, setupLink } = await createAccountWithSetupLink(tx, { ...input, createdBy: actor.id });
    // The journal is append-only: it names the person by id; the name and e-mail live (and can be erased) in users.
    await audit({ projectId: null, entity: 'user', entityId: user.id, action: 'create', after: { isAdmin: input.isAdmin } });
    return { userId: user.id, setupLink };
  },
  after() {
    revalidatePath('/admin/users');
  },
});

export const issuePasswordLink = adminAction({
  name: 'issuePasswordLink',
  input: z.object({ userId: z.uuid() }),
  async handler({ tx, actor, input, audit }) {
    const person = await lockAccount(tx, input.userId);
    if (!person) throw new ActionError('not_found');
    if (person.pseudonymizedAt) throw new ActionError('conflict', 'accountPseudonymized');
    const setupLink = await issueSetupLink(tx, person.id, actor.id);
    await audit({ projectId: null, entity: 'user', entityId: person.id, action: 'issue_password_link' });
    return { setupLink };
  },
});

export const setUserActive = adminAction({
  name: 'setUserActive',
  input: z.object({ userId: z.uuid(), active: checkbox }),
  async handler({ tx, actor, input, audit }) {
    if (input.userId === actor.id && !input.active) throw new ActionError('conflict', 'cannotDeactivateSelf');
    const person = await lockAccount(tx, input.userId);
    if (!person) throw new ActionError('not_found');
    if (person.pseudonymizedAt && input.active) throw new ActionError('conflict', 'accountPseudonymized');
    await tx
      .update(users)
      // Deactivation ends the person's sessions on their next request.
      .set({ isActive: input.active, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, input.userId));
    await revokeSessions(tx, { userId: input.userId });
    await audit({ projectId: null, entity: 'user', entityId: input.userId, action: input.active ? 'activate' : 'deactivate' });
    return { active: input.active };
  },
  after() {
    revalidatePath('/admin/users');
  },
});

export const setProjectCreator = adminAction({
  name: 'setProjectCreator',
  input: z.object({ userId: z.uuid(), creator: checkbox }),
  async handler({ tx, input, audit }) {
    const [current] = await tx
      .select({ creator: users.isProjectCreator })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!current) throw new ActionError('not_found');
    await tx.update(users).set({ isProjectCreator: input.creator, updatedAt: new Date() }).where(eq(users.id, input.userId));
    await audit({
      projectId: null,
      entity: 'user',
      entityId: input.userId,
      action: input.creator ? 'grant_project_creation' : 'revoke_project_creation',
      before: { creator: current.creator },
      after: { creator: input.creator },
    });
    return { creator: input.creator };
  },
  after() {
    revalidatePath('/admin/users');
  },
});

/** Who may create projects and accounts (lib/auth/instance-policy.ts); the form carries the version it showed. */
export const updateInstancePolicy = adminAction({
  name: 'updateInstancePolicy',
  input: z.object({
    projectCreation: z.enum(PROJECT_CREATION_POLICIES),
    ownersMayCreateAccounts: checkbox,
    version: versionSchema,
  }),
  async handler({ tx, actor, input, audit }) {
    const current = await getInstancePolicy(tx);
    const after = { projectCreation: input.projectCreation, ownersMayCreateAccounts: input.ownersMayCreateAccounts };
    const version = await saveInstancePolicy(tx, after, input.version, actor.id);
    if (version === null) throw new ActionError('conflict', 'staleVersion');
    const before = { projectCreation: current.projectCreation, ownersMayCreateAccounts: current.ownersMayCreateAccounts };
    await audit({ projectId: null, entity: 'instance', entityId: 'policy', action: 'update_policy', before, after });
    return { version };
  },
  after() {
    revalidatePath('/', 'layout');
  },
});

/**
 * On the person's request (RGPD): replaces the account's name and e-mail with a pseudonym and closes it for good.
 * The journal is never rewritten: it names people by id, and from now on shows the pseudonym.
 */
export const pseudonymizeUser = adminAction({
  name: 'pseudonymizeUser',
  input: z.object({ userId: z.uuid() }),
  async handler({ tx, actor, input, audit }) {
    if (input.userId === actor.id) throw new ActionError('conflict', 'cannotPseudonymizeSelf');
    const person = await lockAccount(tx, input.userId);
    if (!person) throw new ActionError('not_found');
    if (person.pseudonymizedAt) throw new ActionError('conflict', 'accountPseudonymized');
    await pseudonymizeAccount(tx, person);
    // Flags only: the name and e-mail replaced are exactly what the journal must not keep.
    await audit({
      projectId: null,
      entity: 'user',
      entityId: person.id,
      action: 'pseudonymize',
      before: { active: person.isActive, admin: person.isAdmin, projectCreator: person.isProjectCreator },
      after: { active: false, admin: false, projectCreator: false, pseudonymized: true },
    });
    return { userId: person.id };
  },
  after() {
    revalidatePath('/', 'layout');
  },
});
