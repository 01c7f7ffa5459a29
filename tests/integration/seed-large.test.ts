import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { getDb } from '@/db/client';
import { listSuspectLinks } from '@/db/queries/trace-links';
import { authenticateWithPassword } from '@/db/queries/sign-in';
import { approvalSubject } from '@/db/queries/approvals';
import { signable } from '@/db/queries/signatures';
import { anomalies, anomalyEvents, approvalRequests, baselineItems, baselines, goLiveRecords, notifications, releases, users, reservationAnomalies, reservations, signatures, campaignItems, campaigns, executions, projectMembers, projects, requirements, requirementVersions, specifications, testCases, traceLinks } from '@/db/schema';
import { LARGE_ACCOUNT_PASSWORD, LARGE_PROJECT, LargeProjectExistsError, SMALL_PROJECT, seedLargeProject } from '@/db/seed/large';
import { LARGE_PROJECT_SHAPE } from '@/lib/large-project/plan';

// A tenth of the real shape keeps the file fast; the writing code is the same.
const shape = { ...LARGE_PROJECT_SHAPE, chapters: 4, sections: 3, subsections: 3, requirements: 200, specifications: 400, links: 600, members: 12,
  testCases: 300, campaigns: 3, campaignItems: 100, executions: 250, anomalies: 20, baselineSpecifications: 40 };

describe('seed:large', () => {
  test('writes the large and the small project with their accounts, then refuses to run again', async () => {
    const db = getDb();
    const summary = await seedLargeProject(db, { seed: 1, shape });
    expect(summary.accounts.map((a) => a.role)).toEqual(['owner', 'amoe', 'amoa', 'moa', 'viewer']);

    const [large] = await db.select().from(projects).where(eq(projects.key, LARGE_PROJECT.key));
    const [small] = await db.select().from(projects).where(eq(projects.key, SMALL_PROJECT.key));
    expect(large && small).toBeTruthy();
    expect(await db.$count(requirements, eq(requirements.projectId, large!.id))).toBe(200);
    expect(await db.$count(specifications, eq(specifications.projectId, large!.id))).toBe(400);
    expect(await db.$count(projectMembers, eq(projectMembers.projectId, large!.id))).toBe(12);
    expect(await db.$count(requirements, eq(requirements.projectId, small!.id))).toBeGreaterThan(10);
    expect(await db.$count(testCases, eq(testCases.projectId, large!.id))).toBe(300);
    expect(await db.$count(testCases, eq(testCases.projectId, small!.id))).toBeGreaterThan(10);
    expect(await db.$count(traceLinks, and(eq(traceLinks.projectId, large!.id), eq(traceLinks.kind, 'specification_test_case')))).toBeGreaterThanOrEqual(300);
    expect(await db.$count(campaigns, eq(campaigns.projectId, large!.id))).toBe(3);
    expect(await db.$count(campaignItems, eq(campaignItems.projectId, large!.id))).toBe(300);
    expect(await db.$count(executions, eq(executions.projectId, large!.id))).toBe(250);
    expect(await db.$count(anomalies, eq(anomalies.projectId, large!.id))).toBe(20);
    expect(await db.$count(anomalyEvents)).toBeGreaterThanOrEqual(20);

    // The suspect links are the real ones the pages show, with the history behind them.
    const suspect = await listSuspectLinks(db, large!.id);
    expect(suspect).toHaveLength(30);
    for (const link of suspect) expect(link.requirementVersion).toBeGreaterThan(link.reviewedVersion);
    const [first] = suspect;
    const [revised] = await db
      .select({ id: requirements.id })
      .from(requirements)
      .where(and(eq(requirements.projectId, large!.id), eq(requirements.number, first!.requirementNumber)));
    const history = await db.select().from(requirementVersions).where(eq(requirementVersions.requirementId, revised!.id));
    expect(history.map((h) => h.version).sort()).toEqual(Array.from({ length: first!.requirementVersion }, (_, i) => i + 1));

    // Sign-off on both projects: the benchmark opens the pending request and its baseline on each.
    for (const [project, statuses] of [
      [large!, ['approved_with_reservations', 'rejected', 'pending']],
      // The small project has the demo's: its third request is the closed VABF's campaign report, pending.
      [small!, ['approved_with_reservations', 'pending', 'pending']],
    ] as const) {
      const requests = await db.select().from(approvalRequests).where(eq(approvalRequests.projectId, project.id)).orderBy(asc(approvalRequests.number));
      expect(requests.map((r) => r.status)).toEqual(statuses);
      expect(await db.$count(baselines, eq(baselines.projectId, project.id))).toBe(2);
      // Each decided request's signature is of the content the review page shows, so it reads as intact and current.
      for (const request of requests.filter((r) => r.status !== 'pending')) {
        const [signature] = await db.select().from(signatures).where(eq(signatures.subjectId, request.id));
        expect(signature!.contentHash).toBe(signable(await approvalSubject(db, project.id, request)).hash);
      }
    }
    const [largeBaseline] = await db.select({ id: baselines.id }).from(baselines).where(and(eq(baselines.projectId, large!.id), eq(baselines.number, 2)));
    expect(await db.$count(baselineItems, and(eq(baselineItems.baselineId, largeBaseline!.id), eq(baselineItems.kind, 'specification')))).toBe(40);
    const largeReservations = await db.select({ id: reservations.id }).from(reservations).where(eq(reservations.projectId, large!.id));
    expect(largeReservations.length).toBeGreaterThan(0);
    const onAnomalies = await db.select({ status: anomalies.status }).from(reservationAnomalies).innerJoin(anomalies, eq(anomalies.id, reservationAnomalies.anomalyId)).where(inArray(reservationAnomalies.reservationId, largeReservations.map((r) => r.id)));
    expect(onAnomalies.length).toBeGreaterThanOrEqual(largeReservations.length);
    expect(onAnomalies.every((a) => a.status !== 'closed' && a.status !== 'rejected')).toBe(true);

    // A release of each project is in production: its go-live, and on the large one production anomalies in its VSR.
    for (const project of [large!, small!]) {
      const [goLive] = await db
        .select({ deployedAt: goLiveRecords.deployedAt, vsrDays: goLiveRecords.vsrDays })
        .from(goLiveRecords)
        .innerJoin(releases, eq(releases.id, goLiveRecords.releaseId))
        .where(and(eq(goLiveRecords.projectId, project.id), eq(releases.number, 2)));
      expect(goLive).toBeTruthy();
      if (project === large) {
        const production = await db.select({ createdAt: anomalies.createdAt }).from(anomalies).where(and(eq(anomalies.projectId, project.id), eq(anomalies.production, true)));
        expect(production.length).toBe(1);
        const end = goLive!.deployedAt.getTime() + goLive!.vsrDays * 86_400_000;
        for (const a of production) {
          expect(a.createdAt.getTime()).toBeGreaterThanOrEqual(goLive!.deployedAt.getTime());
          expect(a.createdAt.getTime()).toBeLessThan(end);
        }
      }
    }

    // The owner's feed: an assignment and a retest per anomaly, a change per requirement, the newest 150 unread, each
    // naming an object of the project that exists; the other members hear of the anomalies assigned to them.
    const [ownerUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, summary.accounts.find((a) => a.role === 'owner')!.email));
    const feed = await db.select({ userId: notifications.userId, path: notifications.path, readAt: notifications.readAt }).from(notifications).where(eq(notifications.projectId, large!.id));
    const ownFeed = feed.filter((n) => n.userId === ownerUser!.id);
    expect(ownFeed).toHaveLength(2 * 20 + 200);
    expect(ownFeed.filter((n) => n.readAt === null)).toHaveLength(150);
    const refs = new Set([
      ...(await db.select({ number: anomalies.number }).from(anomalies).where(eq(anomalies.projectId, large!.id))).map((a) => `anomalies/ANO-${a.number}`),
      ...(await db.select({ number: requirements.number }).from(requirements).where(eq(requirements.projectId, large!.id))).map((r) => `requirements/EXF-${r.number}`),
    ]);
    for (const n of feed) expect(refs.has(n.path)).toBe(true);
    const assigned = await db.select({ assigneeId: anomalies.assigneeId }).from(anomalies).where(eq(anomalies.projectId, large!.id));
    expect(feed.length - ownFeed.length).toBe(assigned.filter((a) => a.assigneeId && a.assigneeId !== ownerUser!.id).length);

    // The printed accounts sign in with the printed password.
    const owner = summary.accounts.find((a) => a.role === 'owner')!;
    expect(await authenticateWithPassword({ email: owner.email, password: LARGE_ACCOUNT_PASSWORD, address: '127.0.0.1' })).toMatchObject({
      id: expect.any(String),
    });

    await expect(seedLargeProject(db, { seed: 1, shape })).rejects.toBeInstanceOf(LargeProjectExistsError);
  });
});
