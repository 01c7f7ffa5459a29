import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** Null until the person sets a password through their one-time link. */
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('fr'),
    isAdmin: boolean('is_admin').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    /** Designated by an administrator: may create projects when the instance policy is "administrators and creators". */
    isProjectCreator: boolean('is_project_creator').notNull().default(false),
    /** The person's choice: notices by e-mail too (when the instance sends e-mail), or only in the feed. */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    /**
     * Set when an administrator pseudonymized the account on the person's request (RGPD): name and e-mail were
     * replaced, the account is closed for good. The journal names people by id, so it needs no rewriting.
     */
    pseudonymizedAt: timestamp('pseudonymized_at', { withTimezone: true }),
    /** Bumped to end every session at once: sign-out everywhere, password change, deactivation. */
    sessionVersion: integer('session_version').notNull().default(1),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token: the link itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_tokens_hash_key').on(t.tokenHash), index('password_tokens_user_idx').on(t.userId)],
);

/** Failed sign-in counters, one row per account e-mail and per client address. */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});
