import { and, eq, sql } from 'drizzle-orm';
import { anomalies, goLiveRecords, releases } from '@/db/schema';
import { seedDemoGoLive } from '../demo-readiness';
import type { Generator } from './context';

/** Every 16th anomaly of the large project (125 of 2,000) was raised in production during the VSR period. */
const PRODUCTION_EVERY = 16;

/**
 * A release already in production on each project (release 2): its signed GO, its go-live record with the runbook
 * executed and a 30-day VSR now over, so the go-live page shows the period and asks for the recette définitive. On
 * the large project, some of its anomalies are moved into that period as production ones (one UPDATE), so the VSR
 * content reads a realistic number of them.
 */
export const goLiveGenerator: Generator = {
  name: 'mise en production et VSR',
  async run({ tx, largeProjectId, smallProjectId, accounts }) {
    const people = { owner: accounts.owner.id, amoe: accounts.amoe.id, amoa: accounts.amoa.id, moa: accounts.moa.id };
    await seedDemoGoLive(tx, largeProjectId, people);
    await seedDemoGoLive(tx, smallProjectId, people);
    const [goLive] = await tx
      .select({ deployedAt: goLiveRecords.deployedAt, vsrDays: goLiveRecords.vsrDays })
      .from(goLiveRecords)
      .innerJoin(releases, eq(releases.id, goLiveRecords.releaseId))
      .where(and(eq(goLiveRecords.projectId, largeProjectId), eq(releases.number, 2)));
    const periodMinutes = goLive!.vsrDays * 24 * 60;
    const moved = await tx
      .update(anomalies)
      .set({
        production: true,
        // Spread over the period, by number: the same rows and times on every run of the same seed.
        createdAt: sql`${goLive!.deployedAt.toISOString()}::timestamptz + ((${anomalies.number} * 7919) % ${periodMinutes}) * interval '1 minute'`,
      })
      .where(and(eq(anomalies.projectId, largeProjectId), sql`${anomalies.number} % ${PRODUCTION_EVERY} = 0`))
      .returning({ id: anomalies.id });
    return { 'go-lives': 2, 'production anomalies': moved.length };
  },
};
