import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { GoNoGoParticipant, ReadinessSnapshot } from '@/lib/signoff/readiness-snapshot';
import { CHECKLIST_STATUSES, DECISIONS } from '@/lib/signoff/readiness-model';
import { campaigns } from './campaigns';
import { projectImports } from './project-imports';
import { projects } from './projects';
import { users } from './users';

export const checklistStatus = pgEnum('checklist_status', CHECKLIST_STATUSES);
export const goNoGoDecision = pgEnum('go_no_go_decision', DECISIONS);

/** The open anomalies a project tolerates at go-live (DESIGN.md §3); no row means the defaults (0 bloquante, ≤ 3 majeures). */
export const readinessThresholds = pgTable(
  'readiness_thresholds',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    maxBlocking: integer('max_blocking').notNull(),
    maxMajor: integer('max_major').notNull(),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('readiness_thresholds_non_negative', sql`${t.maxBlocking} >= 0 and ${t.maxMajor} >= 0`)],
);

/** Une version (release): the campaigns (and later the baseline) of one go-live, with its target date and scope. */
export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Per-project number used in the address (/readiness/2); never reused. */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    version: text('version').notNull().default(''),
    targetDate: date('target_date'),
    scope: text('scope').notNull().default(''),
    /** Concurrency token: moves on every accepted change of the release, its campaigns or its checklist's list. */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('releases_project_number_key').on(t.projectId, t.number)],
);

export const releaseCampaigns = pgTable(
  'release_campaigns',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'restrict' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.campaignId] }), index('release_campaigns_campaign_idx').on(t.campaignId)],
);

/** The manual part of readiness: rollback plan, runbook, training… each with an owner, a status and its evidence. */
export const releaseChecklistItems = pgTable(
  'release_checklist_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    status: checklistStatus('status').notNull().default('todo'),
    evidenceUrl: text('evidence_url').notNull().default(''),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('release_checklist_items_release_idx').on(t.releaseId, t.position)],
);

/**
 * The go / no-go meeting record: who took part, the decision (which may differ from the proposal, with a reason)
 * and the frozen snapshot of every criterion at that moment with its SHA-256. Append-only (migration trigger): a
 * new meeting is a new row.
 */
export const goNoGoRecords = pgTable(
  'go_no_go_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'no action' }),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'restrict' }),
    proposedDecision: goNoGoDecision('proposed_decision').notNull(),
    decision: goNoGoDecision('decision').notNull(),
    reason: text('reason').notNull().default(''),
    participants: jsonb('participants').$type<GoNoGoParticipant[]>().notNull(),
    snapshot: jsonb('snapshot').$type<ReadinessSnapshot>().notNull(),
    snapshotHash: text('snapshot_hash').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'restrict' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set on a record brought in by a whole-project import: historical, its snapshot hash still verifiable. */
    importId: uuid('import_id').references(() => projectImports.id, { onDelete: 'no action' }),
  },
  (t) => [
    index('go_no_go_records_release_idx').on(t.releaseId, t.recordedAt),
    check('go_no_go_records_reason', sql`${t.decision} = ${t.proposedDecision} or length(${t.reason}) > 0`),
  ],
);
