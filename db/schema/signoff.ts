import { check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { APPROVAL_STATUSES, DELIVERABLE_KINDS, RACI_ROLES, SIGNATURE_MEANINGS } from '@/lib/signoff/model';
import { RESERVATION_STATUSES } from '@/lib/signoff/reservations';
import type { CampaignReportSnapshot } from '@/lib/signoff/campaign-report';
import { anomalies } from './anomalies';
import { campaigns } from './campaigns';
import { projectImports } from './project-imports';
import { projects } from './projects';
import { users } from './users';

export const deliverableKind = pgEnum('deliverable_kind', DELIVERABLE_KINDS);
export const raciRole = pgEnum('raci_role', RACI_ROLES);
export const signatureMeaning = pgEnum('signature_meaning', SIGNATURE_MEANINGS);
export const approvalStatus = pgEnum('approval_status', APPROVAL_STATUSES);
export const reservationStatus = pgEnum('reservation_status', RESERVATION_STATUSES);

/**
 * Electronic signatures (DESIGN.md §3, 21 CFR Part 11 §11.50/§11.70): append-only, enforced by triggers (migration
 * signoff_sql) and, for the app's own role, by privilege. The signer's printed name and project role are copied as
 * they were at signing; the content signed is kept in canonical form with its SHA-256, so anyone can verify it.
 * A revocation is a new row (meaning `revoked`) pointing at the signature it revokes. No cascading foreign keys:
 * deleting a person or a project can never rewrite what was signed.
 */
export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'no action' }),
    /** Null only on a signature imported from another instance whose signer has no account here (then `importId`). */
    signerId: uuid('signer_id').references(() => users.id, { onDelete: 'no action' }),
    signerName: text('signer_name').notNull(),
    signerRole: text('signer_role').notNull(),
    /** Server time, UTC: the database's clock, never the client's. */
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    meaning: signatureMeaning('meaning').notNull(),
    reason: text('reason').notNull().default(''),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    subjectVersion: integer('subject_version').notNull(),
    content: jsonb('content').notNull(),
    contentHash: text('content_hash').notNull(),
    revokesId: uuid('revokes_id'),
    /** Set on a signature brought in by a whole-project import: a historical record, its hash still verifiable. */
    importId: uuid('import_id').references(() => projectImports.id, { onDelete: 'no action' }),
  },
  (t) => [
    index('signatures_subject_idx').on(t.projectId, t.subjectKind, t.subjectId, t.signedAt),
    // A double submission signs once: one signature per signer, subject and version (revocations aside).
    uniqueIndex('signatures_once_key')
      .on(t.subjectKind, t.subjectId, t.subjectVersion, t.signerId)
      .where(sql`${t.revokesId} is null`),
    // A signature is revoked at most once.
    uniqueIndex('signatures_revokes_key').on(t.revokesId).where(sql`${t.revokesId} is not null`),
    check('signatures_signer_known', sql`${t.signerId} is not null or ${t.importId} is not null`),
  ],
);

/** Who is Responsable, Approbateur, Consulté, Informé, per deliverable kind of a project. */
export const raciAssignments = pgTable(
  'raci_assignments',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    deliverable: deliverableKind('deliverable').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    raciRole: raciRole('raci_role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.deliverable, t.userId] })],
);

/** The quorum of a deliverable kind (null: every approver) and its concurrency token. */
export const raciSettings = pgTable(
  'raci_settings',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    deliverable: deliverableKind('deliverable').notNull(),
    quorum: integer('quorum'),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.deliverable] })],
);

/** A ligne de base: a named, dated set of item versions. Frozen once written (triggers, migration signoff_sql). */
export const baselines = pgTable(
  'baselines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'no action' }),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'no action' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('baselines_project_number_key').on(t.projectId, t.number)],
);

/** One frozen item of a baseline: a specification or a requirement it traces to, at one version, in full. */
export const baselineItems = pgTable(
  'baseline_items',
  {
    baselineId: uuid('baseline_id')
      .notNull()
      .references(() => baselines.id, { onDelete: 'no action' }),
    kind: text('kind', { enum: ['requirement', 'specification'] }).notNull(),
    itemId: uuid('item_id').notNull(),
    number: integer('number').notNull(),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [primaryKey({ columns: [t.baselineId, t.kind, t.itemId] })],
);

/**
 * A Responsable's request that the approvers decide on a deliverable: a baseline of specifications, or a closed
 * campaign's report, whose content is frozen into `snapshot` when asked (the database refuses to change it after).
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    deliverable: deliverableKind('deliverable').notNull(),
    baselineId: uuid('baseline_id').references(() => baselines.id, { onDelete: 'no action' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'no action' }),
    /** The campaign report as it stood when approval was asked: what its approvers sign and its PV prints. */
    snapshot: jsonb('snapshot').$type<CampaignReportSnapshot>(),
    message: text('message').notNull().default(''),
    status: approvalStatus('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    uniqueIndex('approval_requests_project_number_key').on(t.projectId, t.number),
    index('approval_requests_project_status_idx').on(t.projectId, t.status),
    index('approval_requests_campaign_idx').on(t.campaignId),
    // Exactly one subject, the one the deliverable names (a campaign report always with its frozen content).
    check(
      'approval_requests_subject',
      sql`(${t.deliverable} = 'baseline' and ${t.baselineId} is not null and ${t.campaignId} is null and ${t.snapshot} is null)
        or (${t.deliverable} = 'campaign_report' and ${t.campaignId} is not null and ${t.baselineId} is null and ${t.snapshot} is not null)`,
    ),
  ],
);

/** A comment on a request: overall (no item) or on one item of what is reviewed (`specification:<id>`…). */
export const approvalComments = pgTable(
  'approval_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    itemKey: text('item_key'),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_comments_request_idx').on(t.requestId, t.createdAt)],
);

/** A réserve of an approval "avec réserves": lifted by an approver's signature once its anomalies are closed. */
export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => approvalRequests.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: reservationStatus('status').notNull().default('open'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reservations_project_number_key').on(t.projectId, t.number),
    index('reservations_project_status_idx').on(t.projectId, t.status, t.dueDate),
  ],
);

export const reservationAnomalies = pgTable(
  'reservation_anomalies',
  {
    reservationId: uuid('reservation_id')
      .notNull()
      .references(() => reservations.id, { onDelete: 'cascade' }),
    anomalyId: uuid('anomaly_id')
      .notNull()
      .references(() => anomalies.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.reservationId, t.anomalyId] })],
);
