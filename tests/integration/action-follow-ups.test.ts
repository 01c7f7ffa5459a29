import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { describe, expect, test, vi } from 'vitest';
import { changePassword } from '@/app/(app)/profile/actions';
import { updateProject } from '@/app/(app)/projects/[projectKey]/settings/actions';
import { getDb } from '@/db/client';
import { throttleKey } from '@/db/queries/sign-in';
import { loginThrottles, projects } from '@/db/schema';
import { errorMessage } from '@/lib/actions/messages';
import { verifyPassword } from '@/lib/auth/password-hash';
import { actAs, createProjectWithMembers, createUser, userRow } from '../setup/actors';
import { auditRowsSince, maxAuditId } from '../setup/db-state';

/**
 * What runs after the commit (revalidation, cookies, signing in again) cannot undo the change: when it fails, the
 * person is told the change was saved and what did not follow, never "nothing was saved".
 */
describe('a follow-up that fails after the commit', () => {
  test('a password change while sign-in is throttled is saved and reported with a warning', async () => {
    const user = await createUser();
    await actAs(user);
    // The account is throttled (someone guessed at it): signing this browser in again after the change fails.
    await getDb()
      .insert(loginThrottles)
      .values({ key: throttleKey('account', user.email), failures: 9, lastFailureAt: new Date(), blockedUntil: new Date(Date.now() + 600_000) });
    const since = await maxAuditId();
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const result = await changePassword({ currentPassword: 'correct horse battery staple', newPassword: 'une phrase de passe toute neuve' });

    expect(result).toEqual({ ok: true, data: { email: user.email }, warning: errorMessage('fr', 'signInAgainAfterChange') });
    expect(await verifyPassword((await userRow(user.id))!.passwordHash!, 'une phrase de passe toute neuve')).toBe(true);
    expect((await auditRowsSince(since)).map((row) => row.action)).toContain('change_password');
  });

  test('a revalidation that throws leaves the saved change and a generic warning', async () => {
    const { project, members } = await createProjectWithMembers();
    await actAs(members.owner);
    vi.mocked(revalidatePath).mockImplementationOnce(() => {
      throw new Error('cache unavailable');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const result = await updateProject({ projectKey: project.key, name: 'Nom enregistré', client: 'Client', description: '', version: 1 });

    expect(result).toEqual({ ok: true, data: { version: 2 }, warning: errorMessage('fr', 'followUpFailed') });
    const [row] = await getDb().select().from(projects).where(eq(projects.id, project.id));
    expect(row).toMatchObject({ name: 'Nom enregistré', version: 2 });
  });
});
