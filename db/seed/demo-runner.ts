import { and, asc, eq, lte } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { campaignItems, campaigns, testCases } from '@/db/schema';
import { CAMPAIGN_COUNTER, coverRefNumbers } from './demo-campaigns';

/**
 * Two planned demo campaigns over the first demo test cases, so a fresh instance (and the end-to-end suite, which
 * runs one campaign in French and the other in English) has something to run in the test runner.
 */
const DEMO_CAMPAIGNS = [
  { number: 1, name: 'VABF lot 1 — paie', environment: 'Recette', build: '1.4.2' },
  { number: 2, name: 'Non-régression lot 1', environment: 'Pré-production', build: '1.4.3' },
] as const;

export async function seedDemoRunner(tx: Transaction, projectId: string, assigneeId: string): Promise<{ campaigns: number }> {
  const cases = await tx
    .select({ id: testCases.id, version: testCases.version })
    .from(testCases)
    .where(and(eq(testCases.projectId, projectId), lte(testCases.number, 2)))
    .orderBy(asc(testCases.number));
  for (const campaign of DEMO_CAMPAIGNS) {
    const [row] = await tx
      .insert(campaigns)
      .values({ projectId, ...campaign, type: campaign.number === 1 ? 'vabf' : 'non_regression', createdBy: assigneeId })
      .returning({ id: campaigns.id });
    await tx.insert(campaignItems).values(
      cases.map((c, position) => ({ projectId, campaignId: row!.id, testCaseId: c.id, plannedVersion: c.version, position, assigneeId, addedBy: assigneeId })),
    );
  }
  // The numbers are written here, so the counter the campaign actions take theirs from must pass them.
  await coverRefNumbers(tx, projectId, CAMPAIGN_COUNTER, Math.max(...DEMO_CAMPAIGNS.map((c) => c.number)));
  return { campaigns: DEMO_CAMPAIGNS.length };
}
