import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { signOutCurrentSession } from '@/app/(auth)/login/actions';
import { setUserActive } from '@/app/(app)/admin/users/actions';
import { changePassword, setPreferredLocale, signOutEverywhere } from '@/app/(app)/profile/actions';
import { changeMemberRole, removeMember, updateProject } from '@/app/(app)/projects/[projectKey]/settings/actions';
import { getDb } from '@/db/client';
import { sessions } from '@/db/schema';
import { findSessionUser } from '@/db/queries/users';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import { getCurrentUser } from '@/lib/session/current-user';
import { TEST_PASSWORD, actAs, addMembership, createProjectWithMembers, createUser, userRow } from '../setup/actors';
import { redirectTarget } from '../setup/redirect';
import { requestState, sessionFor, switchSession } from '../setup/request-state';

const address = '198.51.100.20';

function projectUpdate(project: { key: string }, version: number) {
  return { projectKey: project.key, name: 'Nouveau nom', client: 'Client', description: '', version };
}

describe('findSessionUser / getCurrentUser', () => {
  test('a current session gives the person, without any secret', async () => {
    const user = await createUser({ name: 'Claire', locale: 'en', isAdmin: true });
    await actAs(user);
    const current = await getCurrentUser();
    expect(current).toEqual({ id: user.id, name: 'Claire', email: user.email, locale: 'en', isAdmin: true, version: 1, sessionId: expect.any(String) });
  });

  test('no session, a malformed id, an unknown id or a wrong version give nobody', async () => {
    const user = await createUser();
    switchSession(null);
    expect(await getCurrentUser()).toBeNull();
    switchSession(sessionFor('not-a-uuid', 1));
    expect(await getCurrentUser()).toBeNull();
    switchSession(sessionFor('00000000-0000-4000-8000-000000000000', 1));
    expect(await getCurrentUser()).toBeNull();
    const { sessionId } = (await actAs(user))!;
    expect(await findSessionUser(getDb(), { userId: user.id, sessionVersion: 2, sessionId })).toBeNull();
    expect(await findSessionUser(getDb(), { userId: user.id, sessionVersion: -1, sessionId })).toBeNull();
    expect(await findSessionUser(getDb(), { userId: user.id, sessionVersion: 1, sessionId: 'not-a-uuid' })).toBeNull();
    expect(await findSessionUser(getDb(), { userId: user.id, sessionVersion: 1, sessionId })).not.toBeNull();
  });

  test('a deactivated account has no session even with the right version', async () => {
    const user = await createUser({ isActive: false });
    await actAs(user);
    expect(await getCurrentUser()).toBeNull();
  });
});

describe('signing out ends this session on the server', () => {
  test('a copy of the session taken before sign-out opens nothing afterwards; other devices stay signed in', async () => {
    const user = await createUser();
    const copied = await actAs(user);
    const otherDevice = await actAs(user);
    switchSession(copied);
    expect(await redirectTarget(() => signOutCurrentSession({}))).toBe('/login');

    // The stolen copy of the cookie is replayed.
    switchSession(copied);
    expect(await getCurrentUser()).toBeNull();
    expect(await setPreferredLocale({ locale: 'en' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect((await userRow(user.id))!.locale).toBe('fr');
    switchSession(otherDevice);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  test('a revoked session id gives nobody, even with the right user and session version', async () => {
    const user = await createUser();
    const session = await actAs(user);
    await getDb().update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, session!.sessionId));
    expect(await getCurrentUser()).toBeNull();
    expect(await findSessionUser(getDb(), { userId: user.id, sessionVersion: 1, sessionId: session!.sessionId })).toBeNull();
  });

  test("a session past its absolute expiry gives nobody, and another person's session id is nobody's", async () => {
    const user = await createUser();
    const other = await createUser();
    const session = await actAs(user);
    const otherSession = await actAs(other);
    expect(await findSessionUser(getDb(), { userId: user.id, sessionVersion: 1, sessionId: otherSession!.sessionId })).toBeNull();
    switchSession(session);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
    await getDb().update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, session!.sessionId));
    expect(await getCurrentUser()).toBeNull();
  });

  test('sign out everywhere revokes every recorded session of the person', async () => {
    const user = await createUser();
    await actAs(user);
    await actAs(user);
    expect(await signOutEverywhere({})).toMatchObject({ ok: true });
    const rows = await getDb().select({ revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.revokedAt instanceof Date)).toBe(true);
  });
});

describe('session revocation takes effect on the next request', () => {
  test('sign out everywhere ends every session of the person, this one included', async () => {
    const user = await createUser();
    const laptop = await actAs(user);
    const phone = await actAs(user);
    switchSession(laptop);
    expect(await signOutEverywhere({})).toMatchObject({ ok: true });

    expect(await getCurrentUser()).toBeNull();
    switchSession(phone);
    expect(await getCurrentUser()).toBeNull();
    expect(await setPreferredLocale({ locale: 'en' })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect((await userRow(user.id))!.locale).toBe('fr');

    await actAs(user);
    expect(await getCurrentUser()).not.toBeNull();
  });

  test('a password change ends the other sessions and keeps this browser signed in', async () => {
    const user = await createUser();
    const other = await actAs(user);
    const here = await actAs(user);
    const result = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'une phrase de passe toute neuve' });
    expect(result).toMatchObject({ ok: true });

    // This browser was signed in again under the new session version.
    expect(requestState.session?.sessionVersion).toBe(here!.sessionVersion + 1);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
    switchSession(here);
    expect(await getCurrentUser()).toBeNull();
    switchSession(other);
    expect(await getCurrentUser()).toBeNull();

    expect(await authenticateWithPassword({ email: user.email, password: TEST_PASSWORD, address })).toBeNull();
    expect(await authenticateWithPassword({ email: user.email, password: 'une phrase de passe toute neuve', address })).toMatchObject({
      id: user.id,
    });
  });

  test('a wrong current password changes nothing and ends no session', async () => {
    const user = await createUser();
    const session = await actAs(user);
    const result = await changePassword({ currentPassword: 'pas le bon mot de passe', newPassword: 'une phrase de passe toute neuve' });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { currentPassword: [expect.any(String)] } });
    switchSession(session);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });

  test("an administrator's deactivation ends the person's sessions; reactivation does not revive them", async () => {
    const admin = await createUser({ isAdmin: true });
    const { project, members } = await createProjectWithMembers();
    const ownerSession = await actAs(members.owner);

    await actAs(admin);
    expect(await setUserActive({ userId: members.owner.id, active: false })).toMatchObject({ ok: true });

    switchSession(ownerSession);
    expect(await getCurrentUser()).toBeNull();
    expect(await updateProject(projectUpdate(project, 1))).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect(await authenticateWithPassword({ email: members.owner.email, password: TEST_PASSWORD, address })).toBeNull();

    await actAs(admin);
    expect(await setUserActive({ userId: members.owner.id, active: true })).toMatchObject({ ok: true });
    switchSession(ownerSession);
    expect(await getCurrentUser()).toBeNull();
    await actAs(members.owner);
    expect(await updateProject(projectUpdate(project, 1))).toMatchObject({ ok: true });
  });

  test('an administrator cannot deactivate their own account', async () => {
    const admin = await createUser({ isAdmin: true });
    const session = await actAs(admin);
    expect(await setUserActive({ userId: admin.id, active: false })).toMatchObject({ ok: false, code: 'conflict' });
    switchSession(session);
    expect(await getCurrentUser()).toMatchObject({ id: admin.id });
  });
});

describe('membership changes take effect on the next request', () => {
  test("removal from a project makes that project's actions answer not_found at once", async () => {
    const { project, members } = await createProjectWithMembers();
    const secondOwner = await createUser();
    await addMembership(project, secondOwner, 'owner');

    await actAs(secondOwner);
    expect(await updateProject(projectUpdate(project, 1))).toMatchObject({ ok: true });

    await actAs(members.owner);
    expect(await removeMember({ projectKey: project.key, userId: secondOwner.id })).toMatchObject({ ok: true });

    await actAs(secondOwner);
    expect(await getCurrentUser()).toMatchObject({ id: secondOwner.id });
    expect(await updateProject(projectUpdate(project, 2))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await changeMemberRole({ projectKey: project.key, userId: members.viewer.id, role: 'amoa' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });

  test('a removed viewer goes from forbidden to not_found', async () => {
    const { project, members } = await createProjectWithMembers();
    const attempt = () => removeMember({ projectKey: project.key, userId: members.amoe.id });

    await actAs(members.viewer);
    expect(await attempt()).toMatchObject({ ok: false, code: 'forbidden' });
    await actAs(members.owner);
    expect(await removeMember({ projectKey: project.key, userId: members.viewer.id })).toMatchObject({ ok: true });
    await actAs(members.viewer);
    expect(await attempt()).toMatchObject({ ok: false, code: 'not_found' });
  });

  test('a demoted owner loses the owner actions at once', async () => {
    const { project, members } = await createProjectWithMembers();
    const secondOwner = await createUser();
    await addMembership(project, secondOwner, 'owner');

    await actAs(members.owner);
    expect(await changeMemberRole({ projectKey: project.key, userId: secondOwner.id, role: 'viewer' })).toMatchObject({ ok: true });
    await actAs(secondOwner);
    expect(await updateProject(projectUpdate(project, 1))).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
