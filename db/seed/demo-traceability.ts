import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { refCounters, requirements, requirementVersions, specifications, specificationVersions, traceLinks } from '@/db/schema';
import { REF_PREFIXES } from '@/lib/traceability/refs';
import { DEMO_REQUIREMENTS, DEMO_SPECIFICATIONS } from './demo-traceability-data';

/**
 * Requirements (written by the AMOA), specifications (by the AMOE) and the links between them, reviewed when made.
 * Requirements with a `revisedTo` then get a second version from the AMOA, so their links show up as suspect.
 */
export async function seedDemoTraceability(
  tx: Transaction,
  projectId: string,
  people: { amoa: string; amoe: string },
): Promise<{ requirements: number; specifications: number; links: number }> {
  const requirementIds = new Map<string, string>();
  const requirementVersion = new Map<string, number>();
  for (const [index, r] of DEMO_REQUIREMENTS.entries()) {
    const fields = {
      title: r.title,
      statement: r.statement,
      rationale: '',
      acceptanceCriteria: r.acceptanceCriteria,
      priority: r.priority,
      status: r.status,
      source: r.source,
      tags: r.tags,
      parentId: r.chapter ? requirementIds.get(r.chapter)! : null,
    };
    const [row] = await tx
      .insert(requirements)
      .values({ ...fields, projectId, number: index + 1, createdBy: people.amoa, updatedBy: people.amoa })
      .returning({ id: requirements.id });
    requirementIds.set(r.key, row!.id);
    requirementVersion.set(r.key, 1);
    await tx.insert(requirementVersions).values({ requirementId: row!.id, version: 1, snapshot: fields, changedBy: people.amoa });
  }

  let links = 0;
  for (const [index, s] of DEMO_SPECIFICATIONS.entries()) {
    const fields = { title: s.title, body: s.body, category: s.category, status: s.status };
    const [row] = await tx
      .insert(specifications)
      .values({ ...fields, projectId, number: index + 1, createdBy: people.amoe, updatedBy: people.amoe })
      .returning({ id: specifications.id });
    await tx.insert(specificationVersions).values({ specificationId: row!.id, version: 1, snapshot: fields, changedBy: people.amoe });
    for (const answered of s.answers) {
      await tx.insert(traceLinks).values({
        projectId,
        kind: 'requirement_specification',
        upstreamId: requirementIds.get(answered)!,
        downstreamId: row!.id,
        reviewedVersion: requirementVersion.get(answered)!,
        reviewedBy: people.amoe,
        createdBy: people.amoe,
      });
      links += 1;
    }
  }

  for (const r of DEMO_REQUIREMENTS.filter((d) => d.revisedTo)) {
    const id = requirementIds.get(r.key)!;
    const fields = {
      title: r.title,
      statement: r.revisedTo!.statement,
      rationale: '',
      acceptanceCriteria: r.revisedTo!.acceptanceCriteria,
      priority: r.priority,
      status: r.status,
      source: r.source,
      tags: r.tags,
      parentId: r.chapter ? requirementIds.get(r.chapter)! : null,
    };
    await tx
      .update(requirements)
      .set({ statement: fields.statement, acceptanceCriteria: fields.acceptanceCriteria, version: 2, updatedAt: new Date() })
      .where(eq(requirements.id, id));
    await tx.insert(requirementVersions).values({ requirementId: id, version: 2, snapshot: fields, changedBy: people.amoa });
  }

  await tx.insert(refCounters).values([
    { projectId, prefix: REF_PREFIXES.requirement, lastNumber: DEMO_REQUIREMENTS.length },
    { projectId, prefix: REF_PREFIXES.specification, lastNumber: DEMO_SPECIFICATIONS.length },
  ]);
  return { requirements: DEMO_REQUIREMENTS.length, specifications: DEMO_SPECIFICATIONS.length, links };
}
