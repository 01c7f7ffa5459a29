import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ANOMALY_EVENT_KINDS, ANOMALY_PRIORITIES, ANOMALY_SEVERITIES, ANOMALY_STATUSES } from '@/lib/recette/anomaly-model';
import { campaigns, executions } from './campaigns';
import { projects } from './projects';
import { specifications } from './specifications';
import { testCases } from './test-cases';
import { tsvector } from './types';
import { users } from './users';

export const anomalySeverity = pgEnum('anomaly_severity', ANOMALY_SEVERITIES);
export const anomalyPriority = pgEnum('anomaly_priority', ANOMALY_PRIORITIES);
export const anomalyStatus = pgEnum('anomaly_status', ANOMALY_STATUSES);
export const anomalyEventKind = pgEnum('anomaly_event_kind', ANOMALY_EVENT_KINDS);

/** Anomalie ANO-n: raised from a failed step (pre-filled from its execution) or by hand. */
export const anomalies = pgTable(
  'anomalies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    stepsToReproduce: text('steps_to_reproduce').notNull().default(''),
    expectedResult: text('expected_result').notNull().default(''),
    actualResult: text('actual_result').notNull().default(''),
    severity: anomalySeverity('severity').notNull(),
    priority: anomalyPriority('priority').notNull().default('medium'),
    status: anomalyStatus('status').notNull().default('new'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    fixVersion: text('fix_version').notNull().default(''),
    /** Where it was seen: the campaign's environment and build at the time, kept as text so renames don't alter it. */
    environment: text('environment').notNull().default(''),
    build: text('build').notNull().default(''),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    testCaseId: uuid('test_case_id').references(() => testCases.id, { onDelete: 'set null' }),
    /** The failed execution and step it was raised from, if any. */
    executionId: uuid('execution_id').references(() => executions.id, { onDelete: 'set null' }),
    stepIndex: integer('step_index'),
    /** Raised in production during the VSR period (DESIGN.md §3). */
    production: boolean('production').notNull().default(false),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', passerelle_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french', passerelle_unaccent(coalesce(steps_to_reproduce, '') || ' ' || coalesce(expected_result, '') || ' ' || coalesce(actual_result, ''))), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('anomalies_project_number_key').on(t.projectId, t.number),
    index('anomalies_project_status_idx').on(t.projectId, t.status, t.severity),
    index('anomalies_campaign_idx').on(t.campaignId),
    index('anomalies_search_idx').using('gin', t.search),
  ],
);

/** The executions an anomaly is linked to: the one it was raised from, and the retests that followed. */
export const anomalyExecutions = pgTable(
  'anomaly_executions',
  {
    anomalyId: uuid('anomaly_id')
      .notNull()
      .references(() => anomalies.id, { onDelete: 'cascade' }),
    executionId: uuid('execution_id')
      .notNull()
      .references(() => executions.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.anomalyId, t.executionId] }), index('anomaly_executions_execution_idx').on(t.executionId)],
);

export const anomalySpecifications = pgTable(
  'anomaly_specifications',
  {
    anomalyId: uuid('anomaly_id')
      .notNull()
      .references(() => anomalies.id, { onDelete: 'cascade' }),
    specificationId: uuid('specification_id')
      .notNull()
      .references(() => specifications.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.anomalyId, t.specificationId] }), index('anomaly_specifications_spec_idx').on(t.specificationId)],
);

/** The anomaly's own history, shown on its page: creation, status changes (from → to), edits and comments. */
export const anomalyEvents = pgTable(
  'anomaly_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    anomalyId: uuid('anomaly_id')
      .notNull()
      .references(() => anomalies.id, { onDelete: 'cascade' }),
    kind: anomalyEventKind('kind').notNull(),
    fromStatus: anomalyStatus('from_status'),
    toStatus: anomalyStatus('to_status'),
    /** Markdown (rendered sanitized) for a comment; the reason given for a status change. */
    body: text('body').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('anomaly_events_anomaly_at_idx').on(t.anomalyId, t.at)],
);
