import { auditEvents, refCounters, requirements, requirementVersions, specifications, specificationVersions, traceLinks } from '@/db/schema';
import { formatRef, REF_PREFIXES } from '@/lib/traceability/refs';
import { insertInChunks } from './bulk';
import type { Generator } from './context';

/**
 * Requirements (by the AMOA) with their whole version history, specifications (by the AMOE) and their links, as
 * the actions would have left them: ref counters moved on and one journal row per creation.
 */
export const traceabilityGenerator: Generator = {
  name: 'exigences, spécifications, liens',
  async run({ tx, plan, largeProjectId: projectId, accounts }) {
    const amoa = accounts.amoa.id;
    const amoe = accounts.amoe.id;
    const requirementRows = plan.requirements.map((r) => ({
      id: r.id,
      projectId,
      number: r.number,
      ...r.fields,
      version: r.version,
      createdBy: amoa,
      updatedBy: amoa,
      createdAt: r.createdAt,
      updatedAt: r.history.at(-1)!.changedAt,
    }));
    // Parents before children: the tree is planned level by level, so plan order satisfies the foreign key.
    await insertInChunks(tx, requirements, requirementRows);
    const requirementHistory = plan.requirements.flatMap((r) =>
      r.history.map((h, i) => ({ requirementId: r.id, version: i + 1, snapshot: h.fields, changedBy: amoa, changedAt: h.changedAt })),
    );
    await insertInChunks(tx, requirementVersions, requirementHistory);

    await insertInChunks(
      tx,
      specifications,
      plan.specifications.map((s) => ({
        id: s.id,
        projectId,
        number: s.number,
        ...s.fields,
        version: s.version,
        createdBy: amoe,
        updatedBy: amoe,
        createdAt: s.createdAt,
        updatedAt: s.history.at(-1)!.changedAt,
      })),
    );
    const specificationHistory = plan.specifications.flatMap((s) =>
      s.history.map((h, i) => ({ specificationId: s.id, version: i + 1, snapshot: h.fields, changedBy: amoe, changedAt: h.changedAt })),
    );
    await insertInChunks(tx, specificationVersions, specificationHistory);

    await insertInChunks(
      tx,
      traceLinks,
      plan.links.map((l) => ({
        id: l.id,
        projectId,
        kind: 'requirement_specification' as const,
        upstreamId: l.requirementId,
        downstreamId: l.specificationId,
        reviewedVersion: l.reviewedVersion,
        reviewedBy: amoe,
        reviewedAt: l.reviewedAt,
        createdBy: amoe,
        createdAt: l.reviewedAt,
      })),
    );
    await tx.insert(refCounters).values([
      { projectId, prefix: REF_PREFIXES.requirement, lastNumber: plan.requirements.length },
      { projectId, prefix: REF_PREFIXES.specification, lastNumber: plan.specifications.length },
    ]);

    const numberOf = new Map([...plan.requirements, ...plan.specifications].map((item) => [item.id, item.number]));
    const journal = [
      ...plan.requirements.map((r) => ({
        actorId: amoa,
        projectId,
        entity: 'requirement',
        entityId: r.id,
        action: 'create',
        after: { ref: formatRef('requirement', r.number), title: r.fields.title },
        createdAt: r.createdAt,
      })),
      ...plan.specifications.map((s) => ({
        actorId: amoe,
        projectId,
        entity: 'specification',
        entityId: s.id,
        action: 'create',
        after: { ref: formatRef('specification', s.number), title: s.fields.title },
        createdAt: s.createdAt,
      })),
      ...plan.links.map((l) => ({
        actorId: amoe,
        projectId,
        entity: 'trace_link',
        entityId: l.id,
        action: 'create',
        after: {
          requirement: formatRef('requirement', numberOf.get(l.requirementId)!),
          specification: formatRef('specification', numberOf.get(l.specificationId)!),
          reviewedVersion: l.reviewedVersion,
        },
        createdAt: l.reviewedAt,
      })),
    ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    await insertInChunks(tx, auditEvents, journal);

    return {
      requirements: requirementRows.length,
      'requirement versions': requirementHistory.length,
      specifications: plan.specifications.length,
      'specification versions': specificationHistory.length,
      links: plan.links.length,
      'suspect links': plan.links.filter((l) => l.suspect).length,
      'journal rows': journal.length,
    };
  },
};
