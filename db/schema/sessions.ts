import { index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * One row per sign-in. The session token (an encrypted JWT) carries the id; every request checks that the row is
 * neither revoked nor past its absolute expiry. The id is not a credential on its own (a token naming it can only
 * be made with AUTH_SECRET), so nothing secret is stored here.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Fixed at sign-in; nothing extends it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set by signing out (this session) or by sign-out everywhere, a password change, deactivation (all of them). */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
