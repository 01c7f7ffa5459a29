import { eq } from 'drizzle-orm';
import { expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { findRelease, readinessInputs, releaseReadiness } from '@/db/queries/readiness';
import { DEMO_PROJECT } from '@/db/seed/demo-accounts';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { projects } from '@/db/schema';
import { DEFAULT_THRESHOLDS } from '@/lib/signoff/readiness-model';

/** The demo's release proposes a real decision from the demo's own recette data (campaigns 3 and 4, their anomalies). */
test('the demo release computes its criteria from the demo campaigns and anomalies', async () => {
  expect(await seedDemoIfEmpty(getDb())).toBe(true);
  const [project] = await getDb().select({ id: projects.id }).from(projects).where(eq(projects.key, DEMO_PROJECT.key));
  const release = (await findRelease(getDb(), project!.id, 1))!;
  expect(release.campaignIds).toHaveLength(2);
  const { inputs } = await readinessInputs(getDb(), project!.id, release.id, DEFAULT_THRESHOLDS);
  const { snapshot } = await releaseReadiness(getDb(), project!.id, release);
  expect(snapshot.inputs).toEqual(inputs);
  expect(snapshot.campaigns.map((c) => [c.number, c.status])).toEqual([
    [3, 'closed'],
    [4, 'in_progress'],
  ]);
  // Every open anomaly listed is counted, and the counts are those of the list (the demo has fewer than the limit).
  const bySeverity = { blocking: 0, major: 0, minor: 0 };
  for (const a of snapshot.openAnomalies) bySeverity[a.severity as keyof typeof bySeverity] += 1;
  expect(inputs.openAnomalies).toEqual(bySeverity);
  expect(inputs.openAnomalies.blocking).toBeGreaterThan(0);
  expect(inputs.campaigns).toEqual({ total: 2, open: 1 });
  expect(inputs.checklist).toEqual({ total: 6, unsettled: 4 });
  expect(inputs.mustHave.total).toBeGreaterThan(0);
  expect(inputs.suspectLinks).toBeGreaterThan(0);
  // The demo's second baseline awaits the MOA, and its first approval left one reservation open.
  expect(inputs.baseline).toEqual({ number: 2, approval: 'pending' });
  expect(inputs.reservations.open).toBe(1);
  expect(snapshot.criteria.filter((c) => c.key === 'baselineApproved' || c.key === 'openReservations').map((c) => c.verdict)).toEqual(['reservation', 'reservation']);
  expect(snapshot.proposedDecision).toBe('no_go');
  expect(snapshot.criteria.filter((c) => c.verdict === 'blocking').map((c) => c.key)).toEqual(expect.arrayContaining(['blockingAnomalies', 'campaignsClosed']));
});
