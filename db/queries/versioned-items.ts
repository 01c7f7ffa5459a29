import 'server-only';
import type { Executor } from '@/db/client';
import { requirementVersions, specificationVersions } from '@/db/schema';
import type { RequirementFields } from '@/lib/requirements/schema';
import type { SpecificationStatus } from '@/lib/specifications/model';
import type { SpecificationFields } from '@/lib/specifications/schema';

/** What a requirement version records: its content, as the history page and the diff show it. */
export type RequirementSnapshot = RequirementFields;
export type SpecificationSnapshot = SpecificationFields & { status: SpecificationStatus };

export async function recordRequirementVersion(
  db: Executor,
  requirementId: string,
  version: number,
  snapshot: RequirementSnapshot,
  changedBy: string,
) {
  await db.insert(requirementVersions).values({ requirementId, version, snapshot, changedBy });
}

export async function recordSpecificationVersion(
  db: Executor,
  specificationId: string,
  version: number,
  snapshot: SpecificationSnapshot,
  changedBy: string,
) {
  await db.insert(specificationVersions).values({ specificationId, version, snapshot, changedBy });
}
