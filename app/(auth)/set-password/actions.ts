'use server';

import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { passwordTokens, users } from '@/db/schema';
import { publicAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { hashPassword } from '@/lib/auth/password-hash';
import { passwordSchema } from '@/lib/auth/password-schema';
import { hashToken } from '@/lib/auth/tokens';

export const setPasswordWithToken = publicAction({
  name: 'setPasswordWithToken',
  input: z
    .object({ token: z.string().min(10).max(200), password: passwordSchema, confirmation: z.string() })
    .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'password.mismatch' }),
  async handler({ tx, input, audit }) {
    // Marking the token used in the same statement that checks it makes a replayed link fail.
    const [token] = await tx
      .update(passwordTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordTokens.tokenHash, hashToken(input.token)),
          isNull(passwordTokens.usedAt),
          gt(passwordTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordTokens.userId });
    if (!token) throw new ActionError('not_found', 'linkInvalid');
    const [person] = await tx
      .update(users)
      .set({ passwordHash: await hashPassword(input.password), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, token.userId), eq(users.isActive, true)))
      .returning({ id: users.id, email: users.email });
    if (!person) throw new ActionError('not_found', 'linkInvalid');
    await audit({ projectId: null, actorId: person.id, entity: 'user', entityId: person.id, action: 'set_password' });
    return { email: person.email };
  },
});
