import { diffFields, type FieldDiff } from './diff';

/**
 * The save rule every versioned item (requirement, specification, test case) follows.
 * - `revision` is the concurrency token: a save names the revision it was made from, and every accepted change
 *   moves it, so a save made from an older revision is a conflict, never a silent revert of what came in between.
 * - `version` is the content version (DESIGN.md §3): it moves only when a field of `versionFields` changes. A
 *   status change is accepted, moves the revision and keeps the version, so it makes no trace link suspect.
 * - A save that changes nothing is reported as such: no new version, no revision, no audit row.
 */
export interface VersionedState<S> {
  version: number;
  revision: number;
  snapshot: S;
}

export interface VersionRule<S> {
  /** Every field a save compares, in the order redlines show them. */
  fields: readonly (keyof S & string)[];
  /** The fields whose change makes a new content version. */
  versionFields: readonly (keyof S & string)[];
}

/** What a refused stale save tells the person: the saved state and how it differs from what they proposed. */
export interface ConflictDetails {
  currentVersion: number;
  currentRevision: number;
  changes: FieldDiff[];
}

export type SavePlan =
  | { outcome: 'conflict'; details: ConflictDetails }
  | { outcome: 'unchanged'; version: number; revision: number }
  | { outcome: 'save'; version: number; revision: number; changed: string[]; newVersion: boolean };

export function planSave<S extends object>(
  current: VersionedState<S>,
  seenRevision: number,
  proposed: S,
  rule: VersionRule<S>,
): SavePlan {
  const before = current.snapshot as Record<string, unknown>;
  const after = proposed as Record<string, unknown>;
  if (seenRevision !== current.revision) {
    return {
      outcome: 'conflict',
      details: {
        currentVersion: current.version,
        currentRevision: current.revision,
        changes: diffFields(after, before, rule.fields).filter((d) => d.changed),
      },
    };
  }
  const changed = diffFields(before, after, rule.fields)
    .filter((d) => d.changed)
    .map((d) => d.field);
  if (changed.length === 0) return { outcome: 'unchanged', version: current.version, revision: current.revision };
  const newVersion = changed.some((field) => (rule.versionFields as readonly string[]).includes(field));
  return {
    outcome: 'save',
    version: newVersion ? current.version + 1 : current.version,
    revision: current.revision + 1,
    changed,
    newVersion,
  };
}
