import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { projectImports, projectMembers, type ImportedPerson } from '@/db/schema';
import type { AuditEntry } from '@/lib/actions/define-action';
import { isProjectRole } from '@/lib/auth/roles';
import { readArchive } from '@/lib/project-archive/read-archive';
import { remapRows } from '@/lib/project-archive/remap';
import { attachmentKey, type ObjectStorage } from '@/lib/storage/storage';
import { createOwnedProject } from '../projects';
import { rowsOf } from '../raw-rows';
import { archiveCatalog } from './catalog';

/** Rows per INSERT: each batch travels as one jsonb parameter (jsonb_populate_recordset), set-based. */
const INSERT_ROWS = 1_000;

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export interface ProjectImportRequest {
  actor: { id: string; email: string; isAdmin: boolean };
  key: string;
  name: string;
  bytes: Uint8Array;
  storage: ObjectStorage;
  audit: (entry: AuditEntry) => Promise<void>;
}

/**
 * An archive (lib/project-archive/format.ts) as a new project owned by the importer, in the caller's transaction:
 * the archive is checked whole first (ArchiveRefusal: nothing written), then the project is created under the
 * instance policy, people are mapped by e-mail to active accounts here (members among them join with their role,
 * the others are kept by name on the import record), every row gets a new id, attachments are stored under the new
 * project, and the source's signatures, go / no-go records and journal rows are marked as brought in by this import.
 * Stored attachment bytes are removed again if anything fails.
 */
export async function importProjectArchive(tx: Transaction, request: ProjectImportRequest) {
  const catalog = archiveCatalog();
  const archive = readArchive(request.bytes, catalog);
  const { manifest } = archive;
  const project = await createOwnedProject(
    tx,
    request.actor,
    { key: request.key, name: request.name, client: manifest.project.client, description: manifest.project.description },
    request.audit,
    { key: request.key, name: request.name, importedFrom: manifest.project.key },
  );

  const emails = [...new Set(manifest.people.map((p) => p.email.toLowerCase()))];
  const accounts = emails.length
    ? await rowsOf<{ id: string; email: string }>(
        tx,
        sql`select id, lower(email) as email from users where lower(email) in (select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb)) and is_active and pseudonymized_at is null`,
      )
    : [];
  const accountByEmail = new Map(accounts.map((a) => [a.email, a.id]));
  const people: ImportedPerson[] = manifest.people.map((p) => ({
    sourceId: p.id,
    name: p.name,
    email: p.email,
    role: p.role,
    mappedUserId: accountByEmail.get(p.email.toLowerCase()) ?? null,
  }));

  const [record] = await tx
    .insert(projectImports)
    .values({
      projectId: project.id,
      formatVersion: manifest.formatVersion,
      sourceProjectKey: manifest.project.key,
      sourceProjectName: manifest.project.name,
      exportedAt: new Date(manifest.exportedAt),
      archiveSha256: archive.sha256,
      people,
      importedBy: request.actor.id,
    })
    .returning({ id: projectImports.id });

  const joining = people.filter((p) => p.role !== null && isProjectRole(p.role) && p.mappedUserId !== null && p.mappedUserId !== request.actor.id);
  const members = [...new Map(joining.map((p) => [p.mappedUserId!, p])).values()];
  if (members.length) {
    await tx.insert(projectMembers).values(
      members.map((p) => ({ projectId: project.id, userId: p.mappedUserId!, role: p.role as 'owner', addedBy: request.actor.id })),
    );
  }

  const remapped = remapRows(catalog, archive.rows, {
    sourceProjectId: manifest.project.id,
    projectId: project.id,
    importId: record!.id,
    people: new Map(people.map((p) => [p.sourceId, p.mappedUserId])),
    newId: randomUUID,
  });

  const stored: string[] = [];
  try {
    const attachmentRows = remapped.rows.get('attachments') ?? [];
    const sourceIds = new Map([...remapped.ids].map(([from, to]) => [to, from]));
    for (const row of attachmentRows) {
      const key = attachmentKey(project.id, randomUUID());
      const bytes = archive.files.get(sourceIds.get(row.id as string)!)!;
      await request.storage.put(key, bytes, row.content_type as string);
      stored.push(key);
      row.storage_key = key;
    }
    const counts: Record<string, number> = {};
    for (const table of catalog) {
      const rows = remapped.rows.get(table.name) ?? [];
      counts[table.name] = rows.length;
      const columns = sql.join(table.insertable.map(ident), sql`, `);
      // The journal keeps its order: its ids are the database's (identity), given in the source's order.
      const identity = table.primaryKey.find((c) => !table.insertable.includes(c.name));
      const order = identity ? sql` order by ${ident(identity.name)}` : sql``;
      for (let at = 0; at < rows.length; at += INSERT_ROWS) {
        const batch = JSON.stringify(rows.slice(at, at + INSERT_ROWS));
        await tx.execute(
          sql`insert into ${ident(table.name)} (${columns}) select ${columns} from jsonb_populate_recordset(null::${ident(table.name)}, ${batch}::jsonb)${order}`,
        );
      }
    }
    await request.audit({
      projectId: project.id,
      entity: 'project',
      entityId: project.id,
      action: 'import',
      after: {
        importId: record!.id,
        sourceProjectKey: manifest.project.key,
        exportedAt: manifest.exportedAt,
        archiveSha256: archive.sha256,
        members: members.length,
        unmatchedPeople: people.filter((p) => p.mappedUserId === null).length,
        rows: counts,
        dropped: remapped.dropped,
        attachments: attachmentRows.length,
      },
    });
    return {
      key: project.key,
      membersAdded: members.length,
      unmatchedPeople: people.filter((p) => p.mappedUserId === null).map((p) => p.name),
      rows: Object.values(counts).reduce((a, b) => a + b, 0),
      attachments: attachmentRows.length,
    };
  } catch (error) {
    await Promise.all(stored.map((key) => request.storage.delete(key).catch(() => undefined)));
    throw error;
  }
}
