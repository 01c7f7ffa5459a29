/**
 * Gives an archive's rows their new ids for an import (pure): every row id a fresh one, every reference the new id
 * of the row it named (a reference to a row the archive does not hold refuses the archive), the project the new
 * project, people the accounts their e-mail matched here (or nobody), and the rows the source marked as its own
 * history point at this import.
 */
import { ArchiveRefusal } from './refusal';

export type ColumnRole = 'id' | 'project' | 'user' | 'import' | 'ref' | 'textRef' | 'plain';

export interface RemapTable {
  name: string;
  columns: { name: string; nullable: boolean }[];
  roles: Record<string, ColumnRole>;
  /** A column pointing at a row of the same table: rows are ordered parents first. */
  selfRef?: string;
}

export interface RemapContext {
  sourceProjectId: string;
  projectId: string;
  importId: string;
  /** Source person id → account here (null: nobody here has that e-mail). */
  people: Map<string, string | null>;
  newId: () => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIXED = /^([a-z_]+:)([0-9a-f-]{36})$/i;

/** Parents before children, so each batch of inserts finds the rows it points at already written. */
function parentsFirst(rows: Record<string, unknown>[], column: string): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const out: Record<string, unknown>[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (row: Record<string, unknown>) => {
    const id = row.id as string;
    if (placed.has(id)) return;
    if (visiting.has(id)) throw new ArchiveRefusal('danglingReference', `${column} ${id}`);
    visiting.add(id);
    const parent = row[column];
    if (typeof parent === 'string' && byId.has(parent)) place(byId.get(parent)!);
    visiting.delete(id);
    placed.add(id);
    out.push(row);
  };
  rows.forEach(place);
  return out;
}

export function remapRows(tables: readonly RemapTable[], rows: Map<string, Record<string, unknown>[]>, ctx: RemapContext) {
  const ids = new Map<string, string>();
  for (const table of tables) {
    if (table.roles.id !== 'id') continue;
    for (const row of rows.get(table.name) ?? []) {
      const id = row.id as string;
      if (ids.has(id)) throw new ArchiveRefusal('duplicateId', `${table.name} ${id}`);
      ids.set(id, ctx.newId());
    }
  }
  const person = (value: string) => {
    if (!ctx.people.has(value)) throw new ArchiveRefusal('danglingReference', `person ${value}`);
    return ctx.people.get(value)!;
  };
  const out = new Map<string, Record<string, unknown>[]>();
  const dropped: Record<string, number> = {};
  for (const table of tables) {
    let source = rows.get(table.name) ?? [];
    if (table.selfRef) source = parentsFirst(source, table.selfRef);
    const mapped: Record<string, unknown>[] = [];
    for (const row of source) {
      const next: Record<string, unknown> = {};
      let drop = false;
      for (const column of table.columns) {
        const value = row[column.name];
        const role = table.roles[column.name];
        if (role === 'import') {
          next[column.name] = ctx.importId;
          continue;
        }
        if (value === null || value === undefined) {
          next[column.name] = null;
          continue;
        }
        switch (role) {
          case 'id':
            next[column.name] = ids.get(value as string);
            break;
          case 'project':
            if (value !== ctx.sourceProjectId) throw new ArchiveRefusal('danglingReference', `${table.name}.${column.name} ${String(value)}`);
            next[column.name] = ctx.projectId;
            break;
          case 'user': {
            const here = person(value as string);
            // Only a row that cannot exist without its person (a RACI line) is left out; elsewhere the name stays.
            if (here === null && !column.nullable) drop = true;
            next[column.name] = here;
            break;
          }
          case 'ref': {
            const target = ids.get(value as string);
            if (!target) throw new ArchiveRefusal('danglingReference', `${table.name}.${column.name} ${String(value)}`);
            next[column.name] = target;
            break;
          }
          case 'textRef':
            next[column.name] = mapText(value as string, ids, ctx.people);
            break;
          default:
            next[column.name] = value;
        }
      }
      if (drop) dropped[table.name] = (dropped[table.name] ?? 0) + 1;
      else mapped.push(next);
    }
    out.set(table.name, mapped);
  }
  return { rows: out, ids, dropped };
}

/** A text that names a row (`<uuid>` or `kind:<uuid>`) names its new id; a person, their account here if any. */
function mapText(value: string, ids: Map<string, string>, people: Map<string, string | null>): string {
  if (UUID.test(value)) return ids.get(value) ?? people.get(value) ?? value;
  const prefixed = PREFIXED.exec(value);
  if (prefixed && ids.has(prefixed[2]!)) return prefixed[1]! + ids.get(prefixed[2]!)!;
  return value;
}
