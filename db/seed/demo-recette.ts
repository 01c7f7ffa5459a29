import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { refCounters, requirements, specifications, testCases, testCaseVersions, traceLinks } from '@/db/schema';
import { REF_PREFIXES } from '@/lib/traceability/refs';
import { DEMO_TEST_CASES } from './demo-recette-data';
import { DEMO_REQUIREMENTS, DEMO_SPECIFICATIONS } from './demo-traceability-data';

/**
 * The demo's test cases (written by the AMOE), traced to the specifications and requirements they verify. Links are
 * reviewed against version 1 of their upstream item, as written before the AMOA revised some requirements: the
 * test cases verifying a revised requirement directly are suspect, and so, through their specification, are those
 * verifying a specification whose requirement changed.
 */
export async function seedDemoRecette(tx: Transaction, projectId: string, amoe: string): Promise<{ testCases: number; testLinks: number }> {
  const specRows = await tx.select({ id: specifications.id, number: specifications.number }).from(specifications).where(eq(specifications.projectId, projectId));
  const reqRows = await tx.select({ id: requirements.id, number: requirements.number }).from(requirements).where(eq(requirements.projectId, projectId));
  const specId = new Map(DEMO_SPECIFICATIONS.map((s, i) => [s.key, specRows.find((r) => r.number === i + 1)!.id]));
  const reqId = new Map(DEMO_REQUIREMENTS.map((r, i) => [r.key, reqRows.find((row) => row.number === i + 1)!.id]));

  let links = 0;
  for (const [index, c] of DEMO_TEST_CASES.entries()) {
    const fields = {
      title: c.title,
      objective: c.objective,
      preconditions: '',
      testData: '',
      steps: c.steps.map(([action, expected]) => ({ action, expected })),
      type: c.type,
      priority: c.priority,
      folder: c.folder,
      tags: c.tags ?? [],
      automated: Boolean(c.automationKey),
      automationKey: c.automationKey ?? '',
      criteria: c.criteria ?? [],
    };
    const [row] = await tx
      .insert(testCases)
      .values({ ...fields, projectId, number: index + 1, createdBy: amoe, updatedBy: amoe })
      .returning({ id: testCases.id });
    await tx.insert(testCaseVersions).values({ testCaseId: row!.id, version: 1, snapshot: fields, changedBy: amoe });
    const upstream = [
      ...c.specs.map((key) => ({ kind: 'specification_test_case' as const, id: specId.get(key)! })),
      ...(c.requirements ?? []).map((key) => ({ kind: 'requirement_test_case' as const, id: reqId.get(key)! })),
    ];
    for (const u of upstream) {
      await tx.insert(traceLinks).values({
        projectId,
        kind: u.kind,
        upstreamId: u.id,
        downstreamId: row!.id,
        reviewedVersion: 1,
        reviewedBy: amoe,
        createdBy: amoe,
      });
      links += 1;
    }
  }
  await tx.insert(refCounters).values({ projectId, prefix: REF_PREFIXES.testCase, lastNumber: DEMO_TEST_CASES.length });
  return { testCases: DEMO_TEST_CASES.length, testLinks: links };
}
