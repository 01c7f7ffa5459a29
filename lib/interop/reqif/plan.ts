import { normalizeLine, normalizeText } from '@/lib/versioning/text';
import type { ReqifDocument, ReqifObject, ReqifWarning } from './model';

/**
 * What an import would do, decided before anything is written (pure: the caller reads the project's imported
 * requirements and applies the plan). Each object of the exchange is:
 * - new: no requirement of the project carries its ReqIF identifier;
 * - unchanged: the matched requirement already says the same (title, text, place in the tree, custom fields);
 * - changed: it differs, and nobody edited the requirement here since the last import → a new version;
 * - conflict: it differs and the requirement was edited here since the last import → the person chooses:
 *   skip (the default), update as a new version, or create a new requirement beside it.
 */
export const CONFLICT_CHOICES = ['skip', 'update', 'createNew'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];
export type PlanStatus = 'new' | 'changed' | 'unchanged' | 'conflict';

export interface ImportedRequirement {
  requirementId: string;
  number: number;
  version: number;
  importedVersion: number;
  title: string;
  statement: string;
  /** The ReqIF identifier of its parent, when the parent is itself an imported requirement; null at the top. */
  parentIdentifier: string | null;
  /** The parent is a requirement that was not imported (filed there by hand): a re-import leaves it there. */
  parentIsLocal: boolean;
  fields: Record<string, string>;
  /**
   * False for a requirement written here and never imported: it is matched by the identifier the export gave it
   * (`_` and its id), and the import that first changes it starts tracking it under that identifier.
   */
  tracked: boolean;
}

export interface IncomingRequirement {
  identifier: string;
  title: string;
  statement: string;
  parentIdentifier: string | null;
  fields: Record<string, string>;
  typeName: string;
  specification: string;
  depth: number;
}

export interface PlannedItem {
  incoming: IncomingRequirement;
  status: PlanStatus;
  existing: ImportedRequirement | null;
  /** What differs from the requirement in the project (changed or conflict). */
  changedFields: ('title' | 'statement' | 'parent' | 'fields')[];
}

export interface ImportPlan {
  items: PlannedItem[];
  counts: Record<PlanStatus, number>;
  relations: number;
  warnings: ReqifWarning[];
}

export function incomingOf(object: ReqifObject): IncomingRequirement {
  return {
    identifier: object.identifier,
    title: normalizeLine(object.title),
    statement: normalizeText(object.text),
    parentIdentifier: object.parentIdentifier,
    fields: Object.fromEntries(Object.entries(object.fields).map(([k, v]) => [normalizeLine(k), normalizeText(v)])),
    typeName: object.typeName,
    specification: object.specification ?? '',
    depth: object.depth,
  };
}

function sameFields(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

/** The attribute the export writes each requirement's own ref in (EXF-12): the project's, not a field to keep. */
const FOREIGN_ID = 'ReqIF.ForeignID';

/**
 * `ownSpecifications`: the identifiers the export gives the project's specifications. Brought back into the same
 * project they are the specifications themselves, which an import never writes: left out, with a warning.
 */
export function planImport(
  doc: ReqifDocument,
  existing: ReadonlyMap<string, ImportedRequirement>,
  ownSpecifications: ReadonlySet<string> = new Set(),
): ImportPlan {
  const counts: Record<PlanStatus, number> = { new: 0, changed: 0, unchanged: 0, conflict: 0 };
  const warnings = [...doc.warnings];
  const objects = doc.objects.filter((object) => {
    if (!ownSpecifications.has(object.identifier)) return true;
    warnings.push({ code: 'ownSpecification', identifier: object.identifier, detail: object.title });
    return false;
  });
  const items = objects.map((object): PlannedItem => {
    const incoming = incomingOf(object);
    const current = existing.get(incoming.identifier) ?? null;
    if (current && incoming.fields[FOREIGN_ID] === `EXF-${current.number}`) {
      const { [FOREIGN_ID]: _own, ...fields } = incoming.fields;
      incoming.fields = fields;
    }
    let status: PlanStatus = 'new';
    const changedFields: PlannedItem['changedFields'] = [];
    if (current) {
      if (current.title !== incoming.title) changedFields.push('title');
      if (current.statement !== incoming.statement) changedFields.push('statement');
      if (!current.parentIsLocal && current.parentIdentifier !== incoming.parentIdentifier) changedFields.push('parent');
      if (!sameFields(current.fields, incoming.fields)) changedFields.push('fields');
      status = changedFields.length === 0 ? 'unchanged' : current.version > current.importedVersion ? 'conflict' : 'changed';
    }
    counts[status] += 1;
    return { incoming, status, existing: current, changedFields };
  });
  return { items, counts, relations: doc.relations.length, warnings };
}

export type Decisions = ReadonlyMap<string, ConflictChoice>;

/** What each planned item becomes once the person's choices are applied. */
export function resolve(item: PlannedItem, decisions: Decisions): 'create' | 'update' | 'keep' {
  switch (item.status) {
    case 'new':
      return 'create';
    case 'changed':
      return 'update';
    case 'unchanged':
      return 'keep';
    case 'conflict': {
      const choice = decisions.get(item.incoming.identifier) ?? 'skip';
      return choice === 'update' ? 'update' : choice === 'createNew' ? 'create' : 'keep';
    }
  }
}
