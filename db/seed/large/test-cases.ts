import { auditEvents, refCounters, testCases, testCaseVersions, traceLinks } from '@/db/schema';
import { formatRef, REF_PREFIXES } from '@/lib/traceability/refs';
import { insertInChunks } from './bulk';
import type { Generator } from './context';

/**
 * Test cases (by the AMOE) with their version history and their links to the specifications and requirements they
 * verify, as the actions would have left them: the CT counter moved on and one journal row per creation.
 */
export const testCasesGenerator: Generator = {
  name: 'cas de test et leurs liens',
  async run({ tx, plan, largeProjectId: projectId, accounts }) {
    const amoe = accounts.amoe.id;
    await insertInChunks(
      tx,
      testCases,
      plan.testCases.map((t) => ({
        id: t.id,
        projectId,
        number: t.number,
        ...t.fields,
        version: t.version,
        createdBy: amoe,
        updatedBy: amoe,
        createdAt: t.createdAt,
        updatedAt: t.history.at(-1)!.changedAt,
      })),
      // Steps make these rows wide: smaller chunks keep each statement a reasonable size.
      250,
    );
    const history = plan.testCases.flatMap((t) =>
      t.history.map((h, i) => ({ testCaseId: t.id, version: i + 1, snapshot: h.fields, changedBy: amoe, changedAt: h.changedAt })),
    );
    await insertInChunks(tx, testCaseVersions, history, 250);
    await insertInChunks(
      tx,
      traceLinks,
      plan.testLinks.map((l) => ({
        id: l.id,
        projectId,
        kind: l.kind,
        upstreamId: l.upstreamId,
        downstreamId: l.testCaseId,
        reviewedVersion: l.reviewedVersion,
        reviewedBy: amoe,
        reviewedAt: l.reviewedAt,
        createdBy: amoe,
        createdAt: l.reviewedAt,
      })),
    );
    await tx.insert(refCounters).values({ projectId, prefix: REF_PREFIXES.testCase, lastNumber: plan.testCases.length });
    await insertInChunks(
      tx,
      auditEvents,
      plan.testCases.map((t) => ({
        actorId: amoe,
        projectId,
        entity: 'test_case',
        entityId: t.id,
        action: 'create',
        after: { ref: formatRef('testCase', t.number), title: t.fields.title },
        createdAt: t.createdAt,
      })),
    );
    return {
      'test cases': plan.testCases.length,
      'test case versions': history.length,
      'test links': plan.testLinks.length,
      'suspect test links': plan.testLinks.filter((l) => l.suspect).length,
    };
  },
};
