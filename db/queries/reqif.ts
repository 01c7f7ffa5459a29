import 'server-only';
import { rowsOf } from './raw-rows';
import { randomUUID } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import { reqifUploads } from '@/db/schema';
import { ActionError } from '@/lib/actions/result';
import type { ReqifDocument } from '@/lib/interop/reqif/model';
import { planImport, resolve, type Decisions, type ImportPlan, type ImportedRequirement } from '@/lib/interop/reqif/plan';
import { REF_PREFIXES } from '@/lib/traceability/refs';

/** Rows travel as one jsonb parameter (jsonb_to_recordset), so a 5,000-row import is a handful of statements. */
const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/**
 * Every requirement of the project by the ReqIF identifier an import matches on: the one it was imported with, or,
 * for a requirement written here, the one the export gives it (`_` and its id), so a file exported from this project
 * and brought back updates its requirements instead of duplicating them. Locked (with the tree lock the import takes
 * first, which also serialises writes of the sources) when read inside the import's transaction. Also the
 * identifiers the export gives the project's specifications.
 */
export async function loadImportedRequirements(db: Executor, projectId: string, lock = false) {
  const rows = await rowsOf<{
    identifier: string;
    requirement_id: string;
    number: number;
    version: number;
    imported_version: number;
    title: string;
    statement: string;
    parent_id: string | null;
    parent_identifier: string | null;
    parent_imported: boolean;
    fields: Record<string, string>;
    tracked: boolean;
  }>(
    db,
    sql`select coalesce(s.identifier, '_' || r.id::text) as identifier, r.id as requirement_id, r.number, r.version,
          coalesce(s.imported_version, r.version) as imported_version, r.title, r.statement, r.parent_id,
          case when r.parent_id is not null then coalesce(ps.identifier, '_' || r.parent_id::text) end as parent_identifier,
          ps.identifier is not null as parent_imported, coalesce(s.fields, '{}'::jsonb) as fields, s.identifier is not null as tracked
        from requirements r
        left join requirement_reqif_sources s on s.requirement_id = r.id
        left join requirement_reqif_sources ps on ps.requirement_id = r.parent_id
        where r.project_id = ${projectId}
        ${lock ? sql`for update of r` : sql``}`,
  );
  const specifications = await rowsOf<{ identifier: string }>(db, sql`select '_' || id::text as identifier from specifications where project_id = ${projectId}`);
  const requirements = new Map<string, ImportedRequirement>(
    rows.map((r) => [
      r.identifier,
      {
        requirementId: r.requirement_id,
        number: r.number,
        version: r.version,
        importedVersion: r.imported_version,
        title: r.title,
        statement: r.statement,
        parentIdentifier: r.parent_identifier,
        // An imported requirement filed by hand under one written here stays there; one written here is matched
        // against its exported place.
        parentIsLocal: r.tracked && r.parent_id !== null && !r.parent_imported,
        fields: r.fields,
        tracked: r.tracked,
      },
    ]),
  );
  return { requirements, ownSpecifications: new Set(specifications.map((s) => s.identifier)) };
}

export async function storeReqifUpload(tx: Transaction, projectId: string, actorId: string, fileName: string, content: Buffer, sha256: string) {
  // Uploads are kept between a preview and its import only: older than a day, they go (the audit row stays).
  await tx.delete(reqifUploads).where(and(eq(reqifUploads.projectId, projectId), lt(reqifUploads.uploadedAt, sql`now() - interval '1 day'`)));
  const [row] = await tx
    .insert(reqifUploads)
    .values({ projectId, fileName, content, sha256, uploadedBy: actorId })
    .returning({ id: reqifUploads.id });
  return row!.id;
}

/** An upload of this project not imported yet, locked so the same file cannot be imported twice at once. */
export async function findPendingUpload(tx: Transaction, projectId: string, uploadId: string) {
  const [row] = await tx
    .select({ id: reqifUploads.id, fileName: reqifUploads.fileName, content: reqifUploads.content, importedAt: reqifUploads.importedAt })
    .from(reqifUploads)
    .where(and(eq(reqifUploads.id, uploadId), eq(reqifUploads.projectId, projectId)))
    .for('update');
  return row ?? null;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  relations: number;
  /** The ReqIF identifiers whose requirement got a new version (what makes their downstream links suspect). */
  updatedIdentifiers: string[];
}

function lockRequirementTree(tx: Transaction, projectId: string) {
  return tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`requirement-tree:${projectId}`}, 0))`);
}

/** The requirement columns as the version history stores them (the same snapshot the forms record). */
const SNAPSHOT = sql`jsonb_build_object('title', r.title, 'statement', r.statement, 'rationale', r.rationale,
  'acceptanceCriteria', r.acceptance_criteria, 'priority', r.priority, 'status', r.status, 'source', r.source,
  'tags', to_jsonb(r.tags), 'parentId', r.parent_id, 'customFields', coalesce(s.fields, '{}'::jsonb))`;

/**
 * Applies an import in the caller's transaction: the plan is made again here, on locked rows, so what is written is
 * decided on what the database holds now. New requirements get numbers from the project's counter in one step;
 * matched ones get a new content version through the same history table as every save (so the links below them
 * become suspect). Nothing is ever deleted.
 */
export async function applyReqifImport(
  tx: Transaction,
  args: { projectId: string; actorId: string; doc: ReqifDocument; decisions: Decisions; source: string },
): Promise<{ plan: ImportPlan; summary: ImportSummary }> {
  const { projectId, actorId, doc, decisions } = args;
  await lockRequirementTree(tx, projectId);
  const { requirements: existing, ownSpecifications } = await loadImportedRequirements(tx, projectId, true);
  const plan = planImport(doc, existing, ownSpecifications);

  const idOf = new Map<string, string>();
  for (const [identifier, current] of existing) idOf.set(identifier, current.requirementId);
  const creates: { id: string; item: (typeof plan.items)[number]; tracked: boolean }[] = [];
  const updates: (typeof plan.items)[number][] = [];
  let unchanged = 0;
  let skipped = 0;
  for (const item of plan.items) {
    const action = resolve(item, decisions);
    if (action === 'create') {
      const id = randomUUID();
      // A copy made beside a conflicting requirement is not tracked: the original keeps the identifier.
      const tracked = item.status === 'new';
      if (tracked) idOf.set(item.incoming.identifier, id);
      creates.push({ id, item, tracked });
    } else if (action === 'update') updates.push(item);
    else if (item.status === 'unchanged') unchanged += 1;
    else skipped += 1;
  }
  const parentOf = (identifier: string | null) => (identifier ? (idOf.get(identifier) ?? null) : null);

  if (creates.length) {
    const [counter] = await rowsOf<{ last_number: number }>(
      tx,
      sql`insert into ref_counters (project_id, prefix, last_number) values (${projectId}, ${REF_PREFIXES.requirement}, ${creates.length})
          on conflict (project_id, prefix) do update set last_number = ref_counters.last_number + ${creates.length}
          returning last_number`,
    );
    const first = counter!.last_number - creates.length + 1;
    const rows = creates.map(({ id, item }, i) => ({
      id,
      number: first + i,
      parent_id: parentOf(item.incoming.parentIdentifier),
      title: item.incoming.title,
      statement: item.incoming.statement,
    }));
    await tx.execute(sql`insert into requirements (id, project_id, number, parent_id, title, statement, priority, status, source, created_by, updated_by)
      select v.id, ${projectId}, v.number, v.parent_id, v.title, v.statement, 'should', 'draft', ${args.source}, ${actorId}, ${actorId}
      from jsonb_to_recordset(${json(rows)}) as v(id uuid, number int, parent_id uuid, title text, statement text)`);
    const tracked = creates.filter((c) => c.tracked);
    if (tracked.length) {
      await tx.execute(sql`insert into requirement_reqif_sources (requirement_id, project_id, identifier, imported_version, type_name, specification, fields)
        select v.id, ${projectId}, v.identifier, 1, v.type_name, v.specification, v.fields
        from jsonb_to_recordset(${json(
          tracked.map(({ id, item }) => ({
            id,
            identifier: item.incoming.identifier,
            type_name: item.incoming.typeName,
            specification: item.incoming.specification,
            fields: item.incoming.fields,
          })),
        )}) as v(id uuid, identifier text, type_name text, specification text, fields jsonb)`);
    }
    // Version 1 of each, as the history stores every version (the same snapshot the form records), built here from
    // what was just inserted rather than read back.
    const snapshots = creates.map(({ id, item }, i) => ({
      id,
      snapshot: {
        title: rows[i]!.title,
        statement: rows[i]!.statement,
        rationale: '',
        acceptanceCriteria: '',
        priority: 'should',
        status: 'draft',
        source: args.source,
        tags: [],
        parentId: rows[i]!.parent_id,
        customFields: item.incoming.fields,
      },
    }));
    await tx.execute(sql`insert into requirement_versions (requirement_id, version, snapshot, changed_by)
      select v.id, 1, v.snapshot, ${actorId} from jsonb_to_recordset(${json(snapshots)}) as v(id uuid, snapshot jsonb)`);
  }

  if (updates.length) {
    const rows = updates.map((item) => ({
      id: item.existing!.requirementId,
      identifier: item.incoming.identifier,
      title: item.incoming.title,
      statement: item.incoming.statement,
      keep_parent: item.existing!.parentIsLocal,
      parent_id: parentOf(item.incoming.parentIdentifier),
      fields: item.incoming.fields,
      type_name: item.incoming.typeName,
      specification: item.incoming.specification,
    }));
    const ids = json(rows.map((r) => r.id));
    await tx.execute(sql`update requirements r set title = v.title, statement = v.statement,
        parent_id = case when v.keep_parent then r.parent_id else v.parent_id end,
        version = r.version + 1, revision = r.revision + 1, updated_by = ${actorId}, updated_at = now()
      from jsonb_to_recordset(${json(rows)}) as v(id uuid, title text, statement text, keep_parent boolean, parent_id uuid)
      where r.id = v.id and r.project_id = ${projectId}`);
    // A requirement written here is tracked from its first update by the import, under its exported identifier.
    await tx.execute(sql`insert into requirement_reqif_sources (requirement_id, project_id, identifier, imported_version, type_name, specification, fields)
      select v.id, ${projectId}, v.identifier, r.version, v.type_name, v.specification, v.fields
      from jsonb_to_recordset(${json(rows)}) as v(id uuid, identifier text, fields jsonb, type_name text, specification text)
      join requirements r on r.id = v.id
      on conflict (requirement_id) do update set imported_version = excluded.imported_version, fields = excluded.fields,
        type_name = excluded.type_name, specification = excluded.specification, imported_at = now()`);
    await tx.execute(sql`insert into requirement_versions (requirement_id, version, snapshot, changed_by)
      select r.id, r.version, ${SNAPSHOT}, ${actorId} from requirements r
      left join requirement_reqif_sources s on s.requirement_id = r.id
      where r.id in (select (value)::uuid from jsonb_array_elements_text(${ids}))`);
    await refuseCycles(tx, projectId);
  }

  const relations = doc.relations
    .map((r) => ({ identifier: r.identifier, source_id: idOf.get(r.source), target_id: idOf.get(r.target), type_name: r.typeName, fields: r.fields }))
    .filter((r) => r.source_id && r.target_id);
  if (relations.length) {
    await tx.execute(sql`insert into requirement_relations (project_id, identifier, source_id, target_id, type_name, fields, created_by)
      select ${projectId}, v.identifier, v.source_id, v.target_id, v.type_name, v.fields, ${actorId}
      from jsonb_to_recordset(${json(relations)}) as v(identifier text, source_id uuid, target_id uuid, type_name text, fields jsonb)
      on conflict (project_id, identifier) do update set source_id = excluded.source_id, target_id = excluded.target_id,
        type_name = excluded.type_name, fields = excluded.fields`);
  }

  // One journal row per requirement written, in one statement, beside the import's own row (written by the action).
  const journal = [
    ...creates.map(({ id }) => ({ id, action: 'create', before: null })),
    ...updates.map((item) => ({
      id: item.existing!.requirementId,
      action: 'update',
      before: { ref: `${REF_PREFIXES.requirement}-${item.existing!.number}`, version: item.existing!.version, title: item.existing!.title },
    })),
  ];
  if (journal.length) {
    await tx.execute(sql`insert into audit_events (actor_id, project_id, entity, entity_id, action, before, after)
      select ${actorId}, ${projectId}, 'requirement', v.id, v.action, v.before,
        jsonb_build_object('ref', 'EXF-' || r.number, 'version', r.version, 'via', 'reqif', 'title', r.title)
      from jsonb_to_recordset(${json(journal)}) as v(id uuid, action text, before jsonb) join requirements r on r.id = v.id`);
  }

  return {
    plan,
    summary: {
      created: creates.length,
      updated: updates.length,
      unchanged,
      skipped,
      relations: relations.length,
      updatedIdentifiers: updates.map((item) => item.incoming.identifier),
    },
  };
}

/** A re-import may move requirements; should the moves and what stays where it was close a loop, nothing is written. */
async function refuseCycles(tx: Transaction, projectId: string) {
  const [row] = await rowsOf<{ cycles: number }>(
    tx,
    sql`with recursive walk(id, parent_id) as (
          select id, parent_id from requirements where project_id = ${projectId} and parent_id is not null
          union all
          select w.id, r.parent_id from walk w join requirements r on r.id = w.parent_id where r.parent_id is not null
        ) cycle id, parent_id set looped using path
        select count(*)::int as cycles from walk where looped or id = parent_id`,
  );
  if ((row?.cycles ?? 0) > 0) throw new ActionError('conflict', 'reqifCycle');
}

export async function markUploadImported(tx: Transaction, uploadId: string) {
  await tx.update(reqifUploads).set({ importedAt: new Date() }).where(eq(reqifUploads.id, uploadId));
}

/**
 * Everything a ReqIF export holds, in four set-based reads whatever the project's size: requirements (with the
 * identifier and fields they were imported with), specifications, requirement → specification trace links and the
 * imported relations between requirements.
 */
export async function loadReqifExport(db: Executor, projectId: string) {
  const [requirementRows, specificationRows, linkRows, relationRows] = await Promise.all([
    rowsOf<{ id: string; number: number; title: string; statement: string; parent_id: string | null; identifier: string | null; fields: Record<string, string> | null; updated_at: string | Date }>(
      db,
      sql`select r.id, r.number, r.title, r.statement, r.parent_id, s.identifier, s.fields, r.updated_at
          from requirements r left join requirement_reqif_sources s on s.requirement_id = r.id
          where r.project_id = ${projectId} order by r.number`,
    ),
    rowsOf<{ id: string; number: number; title: string; body: string; updated_at: string | Date }>(
      db,
      sql`select id, number, title, body, updated_at from specifications where project_id = ${projectId} order by number`,
    ),
    rowsOf<{ id: string; upstream_id: string; downstream_id: string }>(
      db,
      sql`select id, upstream_id, downstream_id from trace_links
          where project_id = ${projectId} and kind = 'requirement_specification' order by created_at, id`,
    ),
    rowsOf<{ identifier: string; source_id: string; target_id: string; type_name: string }>(
      db,
      sql`select identifier, source_id, target_id, type_name from requirement_relations
          where project_id = ${projectId} order by created_at, identifier`,
    ),
  ]);
  return {
    requirements: requirementRows.map((r) => ({
      id: r.id,
      ref: `${REF_PREFIXES.requirement}-${r.number}`,
      title: r.title,
      statement: r.statement,
      parentId: r.parent_id,
      identifier: r.identifier,
      fields: r.fields ?? {},
      updatedAt: new Date(r.updated_at),
    })),
    specifications: specificationRows.map((s) => ({
      id: s.id,
      ref: `${REF_PREFIXES.specification}-${s.number}`,
      title: s.title,
      body: s.body,
      updatedAt: new Date(s.updated_at),
    })),
    links: [
      ...linkRows.map((l) => ({ id: l.id, sourceId: l.upstream_id, targetId: l.downstream_id, typeName: 'Lien de traçabilité', identifier: null })),
      ...relationRows.map((r) => ({ id: r.identifier, sourceId: r.source_id, targetId: r.target_id, typeName: r.type_name, identifier: r.identifier })),
    ],
  };
}

/** What the requirement page shows of its ReqIF origin: identifier, source type, custom fields and relations. */
export async function findRequirementReqif(db: Executor, projectId: string, requirementId: string) {
  const [source] = await rowsOf<{ identifier: string; type_name: string; specification: string; fields: Record<string, string> }>(
    db,
    sql`select identifier, type_name, specification, fields from requirement_reqif_sources
        where project_id = ${projectId} and requirement_id = ${requirementId}`,
  );
  const relations = await rowsOf<{ type_name: string; outgoing: boolean; number: number; title: string }>(
    db,
    sql`select rel.type_name, rel.source_id = ${requirementId} as outgoing, r.number, r.title
        from requirement_relations rel
        join requirements r on r.id = case when rel.source_id = ${requirementId} then rel.target_id else rel.source_id end
        where rel.project_id = ${projectId} and (rel.source_id = ${requirementId} or rel.target_id = ${requirementId})
        order by r.number limit 200`,
  );
  if (!source && relations.length === 0) return null;
  return {
    identifier: source?.identifier ?? null,
    typeName: source?.type_name ?? '',
    specification: source?.specification ?? '',
    fields: source?.fields ?? {},
    relations: relations.map((r) => ({ typeName: r.type_name, outgoing: r.outgoing, ref: `${REF_PREFIXES.requirement}-${r.number}`, title: r.title })),
  };
}
