import 'server-only';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '@/db/schema';
import type { ColumnDescriptor, ColumnKind, TableDescriptor } from '@/lib/project-archive/format';
import type { ColumnRole, RemapTable } from '@/lib/project-archive/remap';

/**
 * The tables of a whole-project archive, parents before children (the order an import inserts them in). Left out on
 * purpose: the project row and its members (in the manifest), API tokens (secrets of this instance), ReqIF uploads
 * waiting for their import (transient) and notifications (each person's notices on this instance).
 */
const ARCHIVED: readonly PgTable[] = [
  schema.refCounters,
  schema.requirements,
  schema.requirementVersions,
  schema.specifications,
  schema.specificationVersions,
  schema.testCases,
  schema.testCaseVersions,
  schema.traceLinks,
  schema.campaigns,
  schema.campaignItems,
  schema.executions,
  schema.anomalies,
  schema.anomalyExecutions,
  schema.anomalySpecifications,
  schema.anomalyEvents,
  schema.attachments,
  schema.readinessThresholds,
  schema.releases,
  schema.releaseCampaigns,
  schema.releaseChecklistItems,
  schema.baselines,
  schema.baselineItems,
  schema.approvalRequests,
  schema.approvalComments,
  schema.reservations,
  schema.reservationAnomalies,
  schema.raciSettings,
  schema.raciAssignments,
  schema.goNoGoRecords,
  schema.goLiveRecords,
  schema.signatures,
  schema.finalAcceptanceRecords,
  schema.requirementReqifSources,
  schema.requirementRelations,
  schema.auditEvents,
];

/**
 * Tables of a project deliberately not archived (see above, and each person's notices of this instance); the catalog
 * test checks nothing else is missed.
 */
export const NOT_ARCHIVED = ['projects', 'project_members', 'api_tokens', 'reqif_uploads', 'project_imports', 'notifications'] as const;

/**
 * Columns that hold another row's id without a foreign key (polymorphic links, the journal's subject): a uuid column
 * must point at a row of the archive; a text one is mapped when it does and kept as written otherwise.
 */
const UNDECLARED_REFS: Record<string, Record<string, 'ref' | 'textRef'>> = {
  trace_links: { upstream_id: 'ref', downstream_id: 'ref' },
  // Kept by the database (migration 0027), and recomputed anyway when the import inserts the executions.
  campaign_items: { latest_execution_id: 'ref' },
  baseline_items: { item_id: 'ref' },
  signatures: { revokes_id: 'ref', subject_id: 'textRef' },
  approval_comments: { item_key: 'textRef' },
  audit_events: { entity_id: 'textRef' },
};

export interface ArchivedTable extends TableDescriptor {
  table: PgTable;
  roles: RemapTable['roles'];
  selfRef?: string;
  /** SQL types of the primary key's columns, in order: the export pages on them. */
  primaryKey: { name: string; sqlType: string }[];
  /** Columns written on import (identity and generated columns are the database's). */
  insertable: string[];
  /** How the export finds the project's rows: its own project_id, or its parent's. */
  scope: { column: string; parent?: { table: string; column: string } };
}

function kindOf(column: PgColumn): ColumnKind {
  const sqlType = column.getSQLType();
  if (column.columnType === 'PgEnumColumn') return 'enum';
  if (sqlType === 'text[]') return 'textArray';
  if (sqlType.startsWith('timestamp')) return 'timestamp';
  const known: Record<string, ColumnKind> = { uuid: 'uuid', text: 'text', integer: 'integer', bigint: 'bigint', boolean: 'boolean', date: 'date', jsonb: 'jsonb' };
  const kind = known[sqlType];
  if (!kind) throw new Error(`project archive: no kind for ${column.name} (${sqlType})`);
  return kind;
}

function describe(table: PgTable): ArchivedTable {
  const config = getTableConfig(table);
  const references = new Map<string, string>();
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    references.set(ref.columns[0]!.name, getTableConfig(ref.foreignTable).name);
  }
  const exported = config.columns.filter((c) => !c.generated);
  const columns: ColumnDescriptor[] = exported.map((c) => {
    const kind = kindOf(c);
    return { name: c.name, kind, nullable: !c.notNull, ...(kind === 'enum' && { enumValues: [...(c.enumValues ?? [])] }) };
  });
  const undeclared = UNDECLARED_REFS[config.name] ?? {};
  const roles: RemapTable['roles'] = {};
  for (const c of exported) {
    const target = references.get(c.name);
    let role: ColumnRole = 'plain';
    if (c.primary && c.name === 'id' && kindOf(c) === 'uuid') role = 'id';
    else if (target === 'projects') role = 'project';
    else if (target === 'users') role = 'user';
    else if (target === 'project_imports') role = 'import';
    else if (target) role = 'ref';
    else if (undeclared[c.name]) role = undeclared[c.name]!;
    roles[c.name] = role;
  }
  // A composite key lists its columns as copies of their own: the table's columns carry the SQL types.
  const pkNames = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  const pkColumns = pkNames.map((name) => config.columns.find((c) => c.name === name)!);
  const hasProject = exported.some((c) => c.name === 'project_id');
  let scope: ArchivedTable['scope'];
  if (hasProject) scope = { column: 'project_id' };
  else {
    const viaParent = exported.find((c) => roles[c.name] === 'ref' && c.notNull);
    if (!viaParent) throw new Error(`project archive: ${config.name} has no way to its project`);
    scope = { column: viaParent.name, parent: { table: references.get(viaParent.name)!, column: 'id' } };
  }
  return {
    table,
    name: config.name,
    columns,
    roles,
    selfRef: exported.find((c) => references.get(c.name) === config.name || (config.name === 'signatures' && c.name === 'revokes_id'))?.name,
    primaryKey: pkColumns.map((c) => ({ name: c.name, sqlType: c.getSQLType() })),
    insertable: exported.filter((c) => !(c as { generatedIdentity?: unknown }).generatedIdentity).map((c) => c.name),
    scope,
  };
}

let catalog: ArchivedTable[] | undefined;

/** Every archived table, described once per process from the Drizzle schema (so a new column is never forgotten). */
export function archiveCatalog(): ArchivedTable[] {
  return (catalog ??= ARCHIVED.map(describe));
}
