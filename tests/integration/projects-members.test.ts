import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { createUser as createUserAction, issuePasswordLink, setUserActive } from '@/app/(app)/admin/users/actions';
import { addMember, changeMemberRole, removeMember, updateProject } from '@/app/(app)/projects/[projectKey]/settings/actions';
import { createProject } from '@/app/(app)/projects/actions';
import { setPasswordWithToken } from '@/app/(auth)/set-password/actions';
import { getDb } from '@/db/client';
import { listProjectMembers } from '@/db/queries/memberships';
import { listProjectsForUser } from '@/db/queries/projects';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import { passwordTokens, projects, users } from '@/db/schema';
import { hashToken } from '@/lib/auth/tokens';
import {
  actAs,
  addMembership,
  setInstancePolicy,
  createProjectWithMembers,
  createUser,
  issueTestToken,
  membershipRole,
  unique,
  uniqueProjectKey,
  userRow,
} from '../setup/actors';
import { auditRowsSince, countRows, maxAuditId, snapshotTables } from '../setup/db-state';

const address = '198.51.100.30';
const SETUP_LINK = /^\/set-password\/([A-Za-z0-9_-]{43})$/;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function projectRow(id: string) {
  const [row] = await getDb().select().from(projects).where(eq(projects.id, id));
  return row!;
}

describe('createProject', () => {
  test('the creator becomes its owner; the key is normalized; both facts are audited', async () => {
    // Administrators create projects under the default policy (the other cases: instance-policy.test.ts).
    const creator = await createUser({ isAdmin: true });
    await actAs(creator);
    const key = uniqueProjectKey('NEW');
    const since = await maxAuditId();
    const result = await createProject({ key: `  ${key.toLowerCase()} `, name: ' Refonte RH ', client: 'Groupe', description: 'Desc' });
    expect(result).toEqual({ ok: true, data: { key } });
    expect(await listProjectsForUser(getDb(), creator.id)).toEqual([
      { key, name: 'Refonte RH', client: 'Groupe', description: 'Desc', role: 'owner', memberCount: 1 },
    ]);
    const audit = await auditRowsSince(since);
    expect(audit.map((r) => [r.entity, r.action, r.actor_id])).toEqual([
      ['project', 'create', creator.id],
      ['member', 'add', creator.id],
    ]);
    expect(new Set(audit.map((r) => r.project_id)).size).toBe(1);
    expect(audit[0]!.project_id).not.toBeNull();
  });

  test('a key already taken is a conflict on the key field, and nothing changes', async () => {
    const { project } = await createProjectWithMembers();
    await actAs(await createUser({ isAdmin: true }));
    const before = await snapshotTables();
    const result = await createProject({ key: project.key, name: 'Autre', client: 'Autre' });
    expect(result).toMatchObject({ ok: false, code: 'conflict', fieldErrors: { key: [expect.any(String)] } });
    expect(await snapshotTables()).toEqual(before);
  });

  test('an invalid key is invalid with a message on the key field', async () => {
    await actAs(await createUser({ isAdmin: true }));
    const before = await snapshotTables();
    for (const key of ['1AB', 'P', 'PA-IE', 'ABCDEFGHIJK']) {
      const result = await createProject({ key, name: 'Nom', client: 'Client' });
      expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { key: [expect.any(String)] } });
      if (!result.ok) expect(result.fieldErrors!.key![0]).not.toBe('project.keyFormat');
    }
    const missing = await createProject({ key: 'OKEY', name: '', client: '' });
    expect(missing).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { name: [expect.any(String)], client: [expect.any(String)] } });
    expect(await snapshotTables()).toEqual(before);
  });
});

describe('updateProject: optimistic concurrency', () => {
  test('a save with the current version succeeds and bumps the version', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const result = await updateProject({ projectKey: project.key, name: 'V2', client: 'C2', description: 'D2', version: 1 });
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    expect(await projectRow(project.id)).toMatchObject({ name: 'V2', client: 'C2', description: 'D2', version: 2 });
  });

  test('a stale version is a conflict and changes nothing (no lost update)', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    expect(await updateProject({ projectKey: project.key, name: 'Première', client: 'C', version: 1 })).toMatchObject({ ok: true });
    const before = await snapshotTables();
    const stale = await updateProject({ projectKey: project.key, name: 'Seconde', client: 'C', version: 1 });
    expect(stale).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshotTables()).toEqual(before);
    expect((await projectRow(project.id)).name).toBe('Première');
  });

  test('FormData is coerced: the version arrives as a string', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const result = await updateProject(
      form({ projectKey: project.key.toLowerCase(), name: 'Par formulaire', client: 'Client', description: '', version: '1', $ACTION_ID_x: '' }),
    );
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    const bad = await updateProject(form({ projectKey: project.key, name: 'X', client: 'Y', version: 'deux' }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { version: [expect.any(String)] } });
  });

  test('an unknown project is not_found, like a project one is not a member of', async () => {
    const { members } = await createProjectWithMembers();
    await actAs(members.owner);
    expect(await updateProject({ projectKey: 'NOSUCH', name: 'X', client: 'Y', version: 1 })).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('addMember and the one-time link', () => {
  afterEach(() => setInstancePolicy());

  test('an existing account is added with its role, without a link and without a new account', async () => {
    const { project, members } = await createProjectWithMembers();
    const existing = await createUser();
    await actAs(members.owner);
    const usersBefore = await countRows('users');
    const result = await addMember({ projectKey: project.key, email: existing.email.toUpperCase(), role: 'moa' });
    expect(result).toEqual({ ok: true, data: { userId: existing.id, name: existing.name, setupLink: null } });
    expect(await membershipRole(project.id, existing.id)).toBe('moa');
    expect(await countRows('users')).toBe(usersBefore);
    expect(await countRows('password_tokens', sql`user_id = ${existing.id}`)).toBe(0);
  });

  test('adding someone twice is a conflict on the e-mail field', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const before = await snapshotTables();
    const result = await addMember({ projectKey: project.key, email: members.viewer.email, role: 'amoa' });
    expect(result).toMatchObject({ ok: false, code: 'conflict', fieldErrors: { email: [expect.any(String)] } });
    expect(await snapshotTables()).toEqual(before);
  });

  test('a new e-mail needs a name', async () => {
    await setInstancePolicy({ ownersMayCreateAccounts: true });
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const before = await snapshotTables();
    const result = await addMember({ projectKey: project.key, email: `${unique('new')}@example.test`, role: 'amoe' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { name: [expect.any(String)] } });
    expect(await snapshotTables()).toEqual(before);
  });

  test('a new account gets a one-time link that sets its password once and only once', async () => {
    await setInstancePolicy({ ownersMayCreateAccounts: true });
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const email = `${unique('new')}@example.test`;
    const result = await addMember({ projectKey: project.key, email, name: 'Nouvelle Recrue', role: 'amoa' });
    expect(result).toMatchObject({ ok: true, data: { name: 'Nouvelle Recrue', setupLink: expect.stringMatching(SETUP_LINK) } });
    if (!result.ok) return;
    const token = SETUP_LINK.exec(result.data.setupLink!)![1]!;
    const created = await userRow(result.data.userId);
    expect(created).toMatchObject({ email, passwordHash: null, isAdmin: false, isActive: true });
    expect(await membershipRole(project.id, created!.id)).toBe('amoa');

    // Only the hash of the link is stored.
    const stored = await getDb().select().from(passwordTokens).where(eq(passwordTokens.userId, created!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    await actAs(null);
    const password = 'mon mot de passe à moi';
    expect(await setPasswordWithToken({ token, password, confirmation: password })).toEqual({ ok: true, data: { email } });
    expect(await authenticateWithPassword({ email, password, address })).toMatchObject({ id: created!.id });

    const before = await snapshotTables(['users', 'password_tokens']);
    const replay = await setPasswordWithToken({ token, password: 'un autre mot de passe', confirmation: 'un autre mot de passe' });
    expect(replay).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotTables(['users', 'password_tokens'])).toEqual(before);
  });

  test('an expired link is refused and sets nothing', async () => {
    const person = await createUser({ password: null });
    const token = await issueTestToken(person, { expiresAt: new Date(Date.now() - 1000) });
    const before = await snapshotTables();
    const result = await setPasswordWithToken({ token, password: 'mot de passe neuf', confirmation: 'mot de passe neuf' });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
    expect(await snapshotTables()).toEqual(before);
  });

  test('an unknown link, a short password or a mismatched confirmation are refused', async () => {
    const person = await createUser({ password: null });
    const token = await issueTestToken(person);
    const before = await snapshotTables();
    expect(await setPasswordWithToken({ token: 'x'.repeat(43), password: 'mot de passe', confirmation: 'mot de passe' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await setPasswordWithToken({ token, password: 'court', confirmation: 'court' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(await setPasswordWithToken({ token, password: 'mot de passe', confirmation: 'mot de passF' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { confirmation: [expect.any(String)] },
    });
    expect(await snapshotTables()).toEqual(before);
  });

  test("a link for a deactivated account doesn't work", async () => {
    const person = await createUser({ password: null, isActive: false });
    const token = await issueTestToken(person);
    const result = await setPasswordWithToken({ token, password: 'mot de passe neuf', confirmation: 'mot de passe neuf' });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
    expect((await userRow(person.id))!.passwordHash).toBeNull();
  });
});

describe('changeMemberRole and removeMember: a project always keeps an owner', () => {
  test('the last owner can be neither demoted nor removed', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const before = await snapshotTables();
    expect(await changeMemberRole({ projectKey: project.key, userId: members.owner.id, role: 'amoe' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await removeMember({ projectKey: project.key, userId: members.owner.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await snapshotTables()).toEqual(before);
  });

  test('with two owners one can step down, and then the other is the last', async () => {
    const { project, members } = await createProjectWithMembers();
    const second = await createUser();
    await addMembership(project, second, 'owner');
    await actAs(members.owner);
    expect(await changeMemberRole({ projectKey: project.key, userId: members.owner.id, role: 'amoe' })).toEqual({
      ok: true,
      data: { role: 'amoe' },
    });
    await actAs(second);
    expect(await removeMember({ projectKey: project.key, userId: second.id })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await removeMember({ projectKey: project.key, userId: members.owner.id })).toEqual({ ok: true, data: { userId: members.owner.id } });
    const remaining = await listProjectMembers(getDb(), project.id);
    expect(remaining.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([second.id]);
  });

  test('roles change and members leave, with before and after in the audit trail', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    const since = await maxAuditId();
    expect(await changeMemberRole(form({ projectKey: project.key, userId: members.viewer.id, role: 'moa' }))).toEqual({
      ok: true,
      data: { role: 'moa' },
    });
    expect(await membershipRole(project.id, members.viewer.id)).toBe('moa');
    expect(await removeMember(form({ projectKey: project.key, userId: members.amoe.id }))).toMatchObject({ ok: true });
    expect(await membershipRole(project.id, members.amoe.id)).toBeNull();
    expect((await auditRowsSince(since)).map((r) => [r.entity, r.entity_id, r.action, r.project_id])).toEqual([
      ['member', members.viewer.id, 'change_role', project.id],
      ['member', members.amoe.id, 'remove', project.id],
    ]);
  });

  test('choosing the role a member already has succeeds and changes nothing', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    expect(await changeMemberRole({ projectKey: project.key, userId: members.viewer.id, role: 'viewer' })).toEqual({
      ok: true,
      data: { role: 'viewer' },
    });
    expect(await membershipRole(project.id, members.viewer.id)).toBe('viewer');
  });

  test('a person who is not a member, an unknown role or a malformed id are refused', async () => {
    const { project, members } = await createProjectWithMembers();
    const stranger = await createUser();
    await actAs(members.owner);
    const before = await snapshotTables();
    expect(await removeMember({ projectKey: project.key, userId: stranger.id })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await changeMemberRole({ projectKey: project.key, userId: stranger.id, role: 'amoe' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await changeMemberRole({ projectKey: project.key, userId: members.viewer.id, role: 'admin' } as never)).toMatchObject({
      ok: false,
      code: 'invalid',
      fieldErrors: { role: [expect.any(String)] },
    });
    expect(await removeMember({ projectKey: project.key, userId: "1' or '1'='1" })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await snapshotTables()).toEqual(before);
  });
});

describe('instance administration (accounts and links)', () => {
  test('an administrator creates an account from a form (checkbox coerced) and gets its link', async () => {
    const admin = await createUser({ isAdmin: true });
    await actAs(admin);
    const email = `${unique('adm')}@example.test`;
    const result = await createUserAction(form({ name: 'Nouvel admin', email: email.toUpperCase(), isAdmin: 'on' }));
    expect(result).toMatchObject({ ok: true, data: { setupLink: expect.stringMatching(SETUP_LINK) } });
    if (!result.ok) return;
    expect(await userRow(result.data.userId)).toMatchObject({ email, isAdmin: true, passwordHash: null });

    const duplicate = await createUserAction({ name: 'Doublon', email });
    expect(duplicate).toMatchObject({ ok: false, code: 'conflict', fieldErrors: { email: [expect.any(String)] } });
  });

  test('a new link replaces the older one', async () => {
    const admin = await createUser({ isAdmin: true });
    const person = await createUser({ password: null });
    await actAs(admin);
    const first = await issuePasswordLink({ userId: person.id });
    const second = await issuePasswordLink({ userId: person.id });
    if (!first.ok || !second.ok) throw new Error('links not issued');
    const tokenOf = (link: string) => SETUP_LINK.exec(link)![1]!;
    expect(tokenOf(first.data.setupLink)).not.toBe(tokenOf(second.data.setupLink));

    await actAs(null);
    const pw = 'mot de passe neuf';
    expect(await setPasswordWithToken({ token: tokenOf(first.data.setupLink), password: pw, confirmation: pw })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await setPasswordWithToken({ token: tokenOf(second.data.setupLink), password: pw, confirmation: pw })).toMatchObject({ ok: true });
  });

  test('an unchecked "active" checkbox (absent from the form) deactivates', async () => {
    const admin = await createUser({ isAdmin: true });
    const person = await createUser();
    await actAs(admin);
    expect(await setUserActive(form({ userId: person.id }))).toEqual({ ok: true, data: { active: false } });
    const [row] = await getDb().select({ isActive: users.isActive }).from(users).where(eq(users.id, person.id));
    expect(row!.isActive).toBe(false);
  });
});
