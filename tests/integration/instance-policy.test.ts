import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, test } from 'vitest';
import { setProjectCreator, setUserActive, updateInstancePolicy } from '@/app/(app)/admin/users/actions';
import { createProject } from '@/app/(app)/projects/actions';
import { addMember } from '@/app/(app)/projects/[projectKey]/settings/actions';
import { getDb } from '@/db/client';
import { getInstancePolicy } from '@/db/queries/instance-policy';
import { instanceSettings, users } from '@/db/schema';
import { errorMessage } from '@/lib/actions/messages';
import { actAs, createProjectWithMembers, createUser, membershipRole, unique, uniqueProjectKey, userRow } from '../setup/actors';
import { auditRowsSince, countRows, maxAuditId, queryRows, snapshotTables } from '../setup/db-state';

/**
 * Who may create projects and accounts is the instance's policy, set by administrators. By default only
 * administrators create projects, and project owners add existing accounts only: a client (MOA) account cannot
 * make itself a project and, through it, new accounts.
 */
beforeEach(async () => {
  // Tests of a file share a database: each starts from the defaults.
  await getDb().update(instanceSettings).set({ projectCreation: 'admins', ownersMayCreateAccounts: false });
});

const newProject = () => ({ key: uniqueProjectKey('N'), name: 'Projet', client: 'Client' });

async function setPolicy(projectCreation: 'admins' | 'creators' | 'everyone', ownersMayCreateAccounts = false) {
  const admin = await createUser({ isAdmin: true });
  await actAs(admin);
  const { version } = await getInstancePolicy(getDb());
  expect(await updateInstancePolicy({ projectCreation, ownersMayCreateAccounts, version })).toMatchObject({ ok: true });
  return admin;
}

async function projectExists(key: string) {
  return (await countRows('projects', sql`key = ${key}`)) === 1;
}

describe('who may create projects', () => {
  test('by default only administrators: a client account is refused and nothing is written', async () => {
    expect(await getInstancePolicy(getDb())).toMatchObject({ projectCreation: 'admins', ownersMayCreateAccounts: false });
    const client = await createUser({ name: 'Client MOA' });
    await actAs(client);
    const before = await snapshotTables();
    const result = await createProject(newProject());
    expect(result).toEqual({ ok: false, code: 'forbidden', message: errorMessage('fr', 'projectCreationNotAllowed') });
    expect(await snapshotTables()).toEqual(before);

    await actAs(await createUser({ isAdmin: true }));
    const input = newProject();
    expect(await createProject(input)).toMatchObject({ ok: true, data: { key: input.key } });
    expect(await projectExists(input.key)).toBe(true);
  });

  test('"administrators and project creators": only accounts an administrator designated, and administrators', async () => {
    await setPolicy('creators');
    const consultant = await createUser();
    const client = await createUser();
    const admin = await createUser({ isAdmin: true });
    await actAs(admin);
    const since = await maxAuditId();
    expect(await setProjectCreator({ userId: consultant.id, creator: true })).toMatchObject({ ok: true });
    expect((await userRow(consultant.id))!.isProjectCreator).toBe(true);
    expect(await auditRowsSince(since)).toEqual([
      { actor_id: admin.id, project_id: null, entity: 'user', entity_id: consultant.id, action: 'grant_project_creation' },
    ]);

    await actAs(consultant);
    const input = newProject();
    expect(await createProject(input)).toMatchObject({ ok: true });
    expect(await projectExists(input.key)).toBe(true);
    await actAs(client);
    expect(await createProject(newProject())).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(admin);
    expect(await createProject(newProject())).toMatchObject({ ok: true });

    expect(await setProjectCreator({ userId: consultant.id, creator: false })).toMatchObject({ ok: true });
    await actAs(consultant);
    expect(await createProject(newProject())).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('"every account": any signed-in account creates projects', async () => {
    await setPolicy('everyone');
    await actAs(await createUser());
    const input = newProject();
    expect(await createProject(input)).toMatchObject({ ok: true });
    expect(await projectExists(input.key)).toBe(true);
  });

  test('a designated project creator under the default policy still may not', async () => {
    const admin = await createUser({ isAdmin: true });
    const consultant = await createUser();
    await actAs(admin);
    expect(await setProjectCreator({ userId: consultant.id, creator: true })).toMatchObject({ ok: true });
    await actAs(consultant);
    expect(await createProject(newProject())).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('the policy itself', () => {
  test('changing it is audited with before and after, and a stale form is a conflict', async () => {
    const admin = await createUser({ isAdmin: true });
    await actAs(admin);
    const { version } = await getInstancePolicy(getDb());
    const since = await maxAuditId();
    expect(await updateInstancePolicy({ projectCreation: 'creators', ownersMayCreateAccounts: true, version })).toEqual({
      ok: true,
      data: { version: version + 1 },
    });
    const [row] = await queryRows<{ actor_id: string; entity: string; action: string; before: unknown; after: unknown }>(
      sql`select actor_id, entity, action, before, after from audit_events where id > ${since}`,
    );
    expect(row).toEqual({
      actor_id: admin.id,
      entity: 'instance',
      action: 'update_policy',
      before: { projectCreation: 'admins', ownersMayCreateAccounts: false },
      after: { projectCreation: 'creators', ownersMayCreateAccounts: true },
    });

    const before = await snapshotTables();
    expect(await updateInstancePolicy({ projectCreation: 'everyone', ownersMayCreateAccounts: false, version })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await snapshotTables()).toEqual(before);
  });

  test('only the three known settings are accepted', async () => {
    await actAs(await createUser({ isAdmin: true }));
    const { version } = await getInstancePolicy(getDb());
    expect(await updateInstancePolicy({ projectCreation: 'anyone' as 'admins', ownersMayCreateAccounts: false, version })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });
});

describe('who may create accounts through a project', () => {
  const invite = (projectKey: string, email: string) => addMember({ projectKey, email, name: 'Personne invitée', role: 'amoe' });

  test('by default an owner adds existing accounts only: a new e-mail is refused and no account is created', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const email = `${unique('new')}@example.test`;
    const before = await snapshotTables();
    const result = await invite(project.key, email);
    expect(result).toMatchObject({ ok: false, code: 'forbidden', message: errorMessage('fr', 'accountCreationNotAllowed') });
    expect(await snapshotTables()).toEqual(before);

    const colleague = await createUser();
    const since = await maxAuditId();
    expect(await invite(project.key, colleague.email)).toMatchObject({ ok: true, data: { setupLink: null } });
    expect(await membershipRole(project.id, colleague.id)).toBe('amoe');
    expect(await auditRowsSince(since)).toEqual([
      { actor_id: members.owner.id, project_id: project.id, entity: 'member', entity_id: colleague.id, action: 'add' },
    ]);
  });

  test('when the policy allows it, an owner invites a new e-mail: the account, the link and the invitation are audited', async () => {
    await setPolicy('admins', true);
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const email = `${unique('invited')}@example.test`;
    const since = await maxAuditId();
    const result = await invite(project.key, email);
    expect(result).toMatchObject({ ok: true, data: { setupLink: expect.stringContaining('/set-password/') } });
    const [person] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
    expect(await membershipRole(project.id, person!.id)).toBe('amoe');
    expect(await auditRowsSince(since)).toEqual([
      { actor_id: members.owner.id, project_id: null, entity: 'user', entity_id: person!.id, action: 'create' },
      { actor_id: members.owner.id, project_id: project.id, entity: 'member', entity_id: person!.id, action: 'invite' },
    ]);
  });

  test('an administrator who owns a project invites new e-mails whatever the policy', async () => {
    const admin = await createUser({ isAdmin: true });
    await actAs(admin);
    const created = await createProject(newProject());
    expect(created).toMatchObject({ ok: true });
    const key = (created as { data: { key: string } }).data.key;
    expect(await invite(key, `${unique('byadmin')}@example.test`)).toMatchObject({ ok: true, data: { setupLink: expect.any(String) } });
  });

  test('a deactivated account is refused with a clear message, whoever adds it', async () => {
    const { project, members } = await createProjectWithMembers();
    const admin = await createUser({ isAdmin: true });
    const former = await createUser();
    await actAs(admin);
    expect(await setUserActive({ userId: former.id, active: false })).toMatchObject({ ok: true });

    await actAs(members.owner);
    const before = await snapshotTables();
    expect(await invite(project.key, former.email)).toEqual({
      ok: false,
      code: 'invalid',
      message: errorMessage('fr', 'accountDeactivated'),
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(await snapshotTables()).toEqual(before);
  });
});
