import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FINAL_DECISIONS } from '@/lib/signoff/go-live';
import type { RunbookStep, VsrContent } from '@/lib/signoff/go-live-content';
import { projects } from './projects';
import { goNoGoRecords, releases } from './readiness';
import { signatures } from './signoff';
import { users } from './users';

export const finalDecision = pgEnum('final_decision', FINAL_DECISIONS);

/**
 * La mise en production of a release, after its signed GO: when, which version, who deployed, the runbook steps
 * executed with their times, the rollback decision if any, and the VSR period that follows. One per release and
 * append-only (migration trigger): it is the record the recette définitive is signed on.
 */
export const goLiveRecords = pgTable(
  'go_live_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'no action' }),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'restrict' }),
    goNoGoRecordId: uuid('go_no_go_record_id')
      .notNull()
      .references(() => goNoGoRecords.id, { onDelete: 'restrict' }),
    deployedAt: timestamp('deployed_at', { withTimezone: true }).notNull(),
    versionDeployed: text('version_deployed').notNull(),
    deployedBy: text('deployed_by').notNull(),
    runbook: jsonb('runbook').$type<RunbookStep[]>().notNull(),
    rollback: text('rollback').notNull().default(''),
    vsrDays: integer('vsr_days').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'restrict' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('go_live_records_release_key').on(t.releaseId), check('go_live_records_vsr_days', sql`${t.vsrDays} between 1 and 365`)],
);

/**
 * The MOA's decision at the end of a VSR period: recette définitive, or an ajournement with a new period. It keeps
 * what was signed (the VSR content: the go-live, the period, the production anomalies) with its SHA-256 and the
 * signature; append-only (migration trigger).
 */
export const finalAcceptanceRecords = pgTable(
  'final_acceptance_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'no action' }),
    goLiveId: uuid('go_live_id')
      .notNull()
      .references(() => goLiveRecords.id, { onDelete: 'restrict' }),
    /** The period decided on, 1 for the first; one decision per period. */
    period: integer('period').notNull(),
    decision: finalDecision('decision').notNull(),
    reason: text('reason').notNull().default(''),
    newPeriodDays: integer('new_period_days'),
    content: jsonb('content').$type<VsrContent>().notNull(),
    contentHash: text('content_hash').notNull(),
    signatureId: uuid('signature_id')
      .notNull()
      .references(() => signatures.id, { onDelete: 'no action' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'restrict' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('final_acceptance_records_period_key').on(t.goLiveId, t.period),
    index('final_acceptance_records_project_idx').on(t.projectId),
    check('final_acceptance_records_adjourned', sql`${t.decision} = 'accepted' or (${t.newPeriodDays} between 1 and 365 and length(${t.reason}) > 0)`),
  ],
);
