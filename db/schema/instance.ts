import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * The instance's settings: one row (id 1, created by the migration), changed by administrators only, with the
 * version their form saw (lib/auth/instance-policy.ts explains each setting).
 */
export const instanceSettings = pgTable(
  'instance_settings',
  {
    id: smallint('id').primaryKey().default(1),
    projectCreation: text('project_creation', { enum: ['admins', 'creators', 'everyone'] }).notNull().default('admins'),
    ownersMayCreateAccounts: boolean('owners_may_create_accounts').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('instance_settings_single_row', sql`${t.id} = 1`),
    check('instance_settings_project_creation', sql`${t.projectCreation} in ('admins', 'creators', 'everyone')`),
  ],
);
