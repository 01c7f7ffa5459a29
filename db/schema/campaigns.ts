import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, pgView, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ItemState } from '@/lib/recette/campaign-item-state';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  EXECUTION_SOURCES,
  EXECUTION_STATUSES,
  type Measurement,
  type StepResult,
} from '@/lib/recette/campaign-model';
import type { PerformanceCriterion, TestStep } from '@/lib/recette/model';
import { projects } from './projects';
import { testCases } from './test-cases';
import { users } from './users';

export const campaignType = pgEnum('campaign_type', CAMPAIGN_TYPES);
export const campaignStatus = pgEnum('campaign_status', CAMPAIGN_STATUSES);
export const executionStatus = pgEnum('execution_status', EXECUTION_STATUSES);
export const executionSource = pgEnum('execution_source', EXECUTION_SOURCES);

/** Campagne de recette: a scope of test cases run against one build in one environment. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Per-project number used in the address (/campaigns/3); never reused. */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    type: campaignType('type').notNull(),
    environment: text('environment').notNull().default(''),
    build: text('build').notNull().default(''),
    description: text('description').notNull().default(''),
    plannedStart: date('planned_start'),
    plannedEnd: date('planned_end'),
    status: campaignStatus('status').notNull().default('planned'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Concurrency token: moves on every accepted change of the campaign itself (not of its items). */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaigns_project_number_key').on(t.projectId, t.number),
    index('campaigns_project_status_idx').on(t.projectId, t.status),
  ],
);

/**
 * One test case in a campaign's scope, with the version it was planned with (the page shows when the test case
 * changed since). "Non exécuté" is an item closed without a run, with its reason.
 */
export const campaignItems = pgTable(
  'campaign_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    testCaseId: uuid('test_case_id')
      .notNull()
      .references(() => testCases.id, { onDelete: 'restrict' }),
    plannedVersion: integer('planned_version').notNull(),
    position: integer('position').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    notRunReason: text('not_run_reason'),
    revision: integer('revision').notNull().default(1),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The item's latest execution (the last one started) with its status and finish, kept by the database on every
     * write of executions (migration 0027), so that reading an item's state is not a search of its executions. No
     * foreign key to executions: an item and its executions are deleted together, in either order.
     */
    latestExecutionId: uuid('latest_execution_id'),
    latestStatus: executionStatus('latest_status'),
    latestFinishedAt: timestamp('latest_finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('campaign_items_campaign_test_case_key').on(t.campaignId, t.testCaseId),
    index('campaign_items_campaign_position_idx').on(t.campaignId, t.position),
    index('campaign_items_test_case_idx').on(t.testCaseId),
    index('campaign_items_assignee_idx').on(t.campaignId, t.assigneeId),
  ],
);

/**
 * One run of one campaign item. It keeps the exact test-case version it ran (steps and criteria as they were) and
 * the campaign's names at that moment, so editing or renaming later never rewrites a past result.
 */
export const executions = pgTable(
  'executions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    campaignItemId: uuid('campaign_item_id')
      .notNull()
      .references(() => campaignItems.id, { onDelete: 'cascade' }),
    testCaseId: uuid('test_case_id')
      .notNull()
      .references(() => testCases.id, { onDelete: 'restrict' }),
    testCaseVersion: integer('test_case_version').notNull(),
    steps: jsonb('steps').$type<TestStep[]>().notNull(),
    criteria: jsonb('criteria').$type<PerformanceCriterion[]>().notNull().default([]),
    stepResults: jsonb('step_results').$type<StepResult[]>().notNull(),
    measurements: jsonb('measurements').$type<Measurement[]>().notNull().default([]),
    /** The result derived from the steps (or the measurements); `status` differs only with an override reason. */
    derivedStatus: executionStatus('derived_status').notNull().default('in_progress'),
    status: executionStatus('status').notNull().default('in_progress'),
    overrideReason: text('override_reason'),
    comment: text('comment').notNull().default(''),
    source: executionSource('source').notNull().default('manual'),
    campaignName: text('campaign_name').notNull(),
    environment: text('environment').notNull().default(''),
    build: text('build').notNull().default(''),
    executedBy: uuid('executed_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    // The latest execution is "order by started_at desc, id desc limit 1" (the refresh of campaign_items' latest
    // execution, migration 0027; requirementTestsCte): with `id` in the index it is the index's last entry, without a
    // sort of the item's or test case's executions.
    index('executions_item_started_idx').on(t.campaignItemId, t.startedAt, t.id),
    index('executions_campaign_idx').on(t.campaignId, t.status),
    index('executions_test_case_idx').on(t.testCaseId, t.startedAt, t.id),
    check('executions_override_reason', sql`${t.status} = ${t.derivedStatus} or ${t.overrideReason} is not null`),
  ],
);

/**
 * Every campaign item with its state, as the one SQL definition computes it (migration 0027): its latest execution,
 * its state (lib/recette/campaign-item-state.ts), whether its test case changed since it was planned, and whether it
 * waits for a retest. Read this instead of recomputing any of it.
 */
export const campaignItemStates = pgView('campaign_item_states', {
  id: uuid('id').notNull(),
  projectId: uuid('project_id').notNull(),
  campaignId: uuid('campaign_id').notNull(),
  testCaseId: uuid('test_case_id').notNull(),
  position: integer('position').notNull(),
  plannedVersion: integer('planned_version').notNull(),
  currentVersion: integer('current_version').notNull(),
  changed: boolean('changed').notNull(),
  assigneeId: uuid('assignee_id'),
  notRunReason: text('not_run_reason'),
  revision: integer('revision').notNull(),
  latestExecutionId: uuid('latest_execution_id'),
  latestStatus: executionStatus('latest_status'),
  latestFinishedAt: timestamp('latest_finished_at', { withTimezone: true }),
  state: text('state').$type<ItemState>().notNull(),
  toRetest: boolean('to_retest').notNull(),
}).existing();
