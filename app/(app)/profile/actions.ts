'use server';

import { and, eq, sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/auth';
import { revokeSessions } from '@/db/queries/sessions';
import { users } from '@/db/schema';
import { userAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { hashPassword, verifyPassword } from '@/lib/auth/password-hash';
import { passwordSchema } from '@/lib/auth/password-schema';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locales';
import { personNameSchema, versionSchema } from '@/lib/projects/schemas';

const localeSchema = z.enum(LOCALES);

async function rememberLocale(locale: string) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60 });
}

export const updateProfile = userAction({
  name: 'updateProfile',
  input: z.object({ name: personNameSchema, locale: localeSchema, version: versionSchema }),
  async handler({ tx, actor, input, audit }) {
    const [updated] = await tx
      .update(users)
      .set({ name: input.name, locale: input.locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, actor.id), eq(users.version, input.version)))
      .returning({ version: users.version });
    if (!updated) throw new ActionError('conflict', 'staleVersion');
    await audit({
      projectId: null,
      entity: 'user',
      entityId: actor.id,
      action: 'update_profile',
      // The name itself stays out of the append-only journal (it lives in users, where it can be erased).
      before: { locale: actor.locale },
      after: { locale: input.locale, nameChanged: input.name !== actor.name },
    });
    return { version: updated.version, locale: input.locale };
  },
  async after(data) {
    await rememberLocale(data.locale);
    revalidatePath('/', 'layout');
  },
});

/** The language switch: persists the choice for a signed-in person (the cookie alone serves the sign-in page). */
export const setPreferredLocale = userAction({
  name: 'setPreferredLocale',
  input: z.object({ locale: localeSchema }),
  async handler({ tx, actor, input, audit }) {
    await tx
      .update(users)
      // A profile form opened before the switch must not silently put the old language back.
      .set({ locale: input.locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await audit({ projectId: null, entity: 'user', entityId: actor.id, action: 'set_locale', before: { locale: actor.locale }, after: { locale: input.locale } });
    return { locale: input.locale };
  },
  async after(data) {
    await rememberLocale(data.locale);
    revalidatePath('/', 'layout');
  },
});

export const changePassword = userAction({
  name: 'changePassword',
  input: z.object({ currentPassword: z.string().min(1, { message: 'required' }).max(256), newPassword: passwordSchema }),
  async handler({ tx, actor, input, audit }) {
    const [row] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
    if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new ActionError('invalid', 'wrongCurrentPassword', { currentPassword: ['password.wrongCurrent'] });
    }
    // A new session version ends every other session, including a stolen one.
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.newPassword), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await revokeSessions(tx, { userId: actor.id });
    await audit({ projectId: null, entity: 'user', entityId: actor.id, action: 'change_password' });
    return { email: actor.email };
  },
  afterFailure: 'signInAgainAfterChange',
  async after(data, input) {
    // This browser keeps working: sign it in again under the new session version.
    await signIn('credentials', { email: data.email, password: input.newPassword, redirect: false });
    return data;
  },
});

export const signOutEverywhere = userAction({
  name: 'signOutEverywhere',
  input: z.object({}),
  async handler({ tx, actor, audit }) {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.id));
    await revokeSessions(tx, { userId: actor.id });
    await audit({ projectId: null, entity: 'session', entityId: actor.id, action: 'sign_out_everywhere' });
    return null;
  },
});
