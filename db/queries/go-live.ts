import 'server-only';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { anomalies, finalAcceptanceRecords, goLiveRecords, goNoGoRecords, projects, signatures } from '@/db/schema';
import { currentVsrPeriod, type VsrPeriod } from '@/lib/signoff/go-live';
import type { VsrContent } from '@/lib/signoff/go-live-content';
import type { Decision } from '@/lib/signoff/readiness-model';
import { GO_NO_GO_SUBJECT, type ReleaseRow } from './readiness';

/** What signatures of a recette définitive name: the go-live, at the number of the VSR period decided on. */
export const FINAL_ACCEPTANCE_SUBJECT = 'final_acceptance';
/** How many production anomalies a VSR content lists (a VSR raises tens, not thousands). */
export const VSR_ANOMALY_LIMIT = 200;
/** How many of them the go-live page renders at once: a full VSR content is too heavy a page to send whole. */
export const VSR_ANOMALY_PAGE_SIZE = 50;

/** The release's latest go / no-go record and whether it stands signed (a GO signature not revoked). */
export async function latestGoNoGo(db: Executor, releaseId: string): Promise<{ id: string; decision: Decision; signed: boolean } | null> {
  const [row] = await db
    .select({
      id: goNoGoRecords.id,
      decision: goNoGoRecords.decision,
      // Qualified by hand: inside the subquery a bare "id" would be the signature's.
      signed: sql<boolean>`exists (select 1 from ${signatures} s where s.subject_kind = ${GO_NO_GO_SUBJECT}
        and s.subject_id = go_no_go_records.id::text and s.meaning = 'go'
        and not exists (select 1 from ${signatures} r where r.revokes_id = s.id))`,
    })
    .from(goNoGoRecords)
    .where(eq(goNoGoRecords.releaseId, releaseId))
    .orderBy(desc(goNoGoRecords.recordedAt))
    .limit(1);
  return row ?? null;
}

export async function findGoLive(db: Executor, projectId: string, releaseId: string) {
  const [row] = await db
    .select({
      id: goLiveRecords.id,
      goNoGoRecordId: goLiveRecords.goNoGoRecordId,
      goNoGoDecision: goNoGoRecords.decision,
      deployedAt: goLiveRecords.deployedAt,
      versionDeployed: goLiveRecords.versionDeployed,
      deployedBy: goLiveRecords.deployedBy,
      runbook: goLiveRecords.runbook,
      rollback: goLiveRecords.rollback,
      vsrDays: goLiveRecords.vsrDays,
      recordedAt: goLiveRecords.recordedAt,
    })
    .from(goLiveRecords)
    .innerJoin(goNoGoRecords, eq(goNoGoRecords.id, goLiveRecords.goNoGoRecordId))
    .where(and(eq(goLiveRecords.projectId, projectId), eq(goLiveRecords.releaseId, releaseId)));
  return row ?? null;
}

export type GoLiveRow = NonNullable<Awaited<ReturnType<typeof findGoLive>>>;

/** The MOA's decisions on a go-live's VSR periods, first period first. */
export async function listFinalDecisions(db: Executor, goLiveId: string) {
  return db
    .select({
      id: finalAcceptanceRecords.id,
      period: finalAcceptanceRecords.period,
      decision: finalAcceptanceRecords.decision,
      reason: finalAcceptanceRecords.reason,
      newPeriodDays: finalAcceptanceRecords.newPeriodDays,
      contentHash: finalAcceptanceRecords.contentHash,
      recordedAt: finalAcceptanceRecords.recordedAt,
    })
    .from(finalAcceptanceRecords)
    .where(eq(finalAcceptanceRecords.goLiveId, goLiveId))
    .orderBy(asc(finalAcceptanceRecords.period));
}

export type FinalDecisionRow = Awaited<ReturnType<typeof listFinalDecisions>>[number];

/** Where the VSR stands: the period now running (or last decided on), its number, and whether the recette is définitive. */
export function vsrState(goLive: GoLiveRow, decisions: readonly FinalDecisionRow[]) {
  const accepted = decisions.find((d) => d.decision === 'accepted') ?? null;
  const adjournments = decisions.filter((d) => d.decision === 'adjourned');
  const last = adjournments.at(-1);
  const period: VsrPeriod = currentVsrPeriod(goLive, last ? { recordedAt: last.recordedAt, newPeriodDays: last.newPeriodDays! } : null);
  return { period, number: adjournments.length + 1, accepted };
}

/**
 * What the MOA signs at the end of a period, computed now: the go-live as recorded and the anomalies flagged
 * "production" raised from the deployment to the end of the period, in one statement.
 */
export async function vsrContent(db: Executor, projectId: string, release: ReleaseRow, goLive: GoLiveRow, state: { period: VsrPeriod; number: number }): Promise<VsrContent> {
  const [[project], rows] = await Promise.all([
    db.select({ key: projects.key, name: projects.name, client: projects.client }).from(projects).where(eq(projects.id, projectId)),
    db
      .select({ number: anomalies.number, title: anomalies.title, severity: anomalies.severity, status: anomalies.status, createdAt: anomalies.createdAt })
      .from(anomalies)
      .where(and(eq(anomalies.projectId, projectId), eq(anomalies.production, true), gte(anomalies.createdAt, goLive.deployedAt), lt(anomalies.createdAt, state.period.end)))
      .orderBy(asc(anomalies.number))
      .limit(VSR_ANOMALY_LIMIT),
  ]);
  return {
    project: project!,
    release: { number: release.number, name: release.name, version: release.version },
    goLive: {
      deployedAt: goLive.deployedAt.toISOString(),
      versionDeployed: goLive.versionDeployed,
      deployedBy: goLive.deployedBy,
      runbook: goLive.runbook,
      rollback: goLive.rollback,
      goNoGoDecision: goLive.goNoGoDecision,
    },
    period: { number: state.number, start: state.period.start.toISOString(), end: state.period.end.toISOString(), days: state.period.days },
    productionAnomalies: rows.map((a) => ({ number: a.number, title: a.title, severity: a.severity, status: a.status, raisedAt: a.createdAt.toISOString() })),
  };
}

/** One decision of the project with the content signed, for its PV. */
export async function findFinalAcceptance(db: Executor, projectId: string, id: string) {
  const [row] = await db
    .select({
      id: finalAcceptanceRecords.id,
      goLiveId: finalAcceptanceRecords.goLiveId,
      period: finalAcceptanceRecords.period,
      decision: finalAcceptanceRecords.decision,
      reason: finalAcceptanceRecords.reason,
      newPeriodDays: finalAcceptanceRecords.newPeriodDays,
      content: finalAcceptanceRecords.content,
      contentHash: finalAcceptanceRecords.contentHash,
      recordedAt: finalAcceptanceRecords.recordedAt,
    })
    .from(finalAcceptanceRecords)
    .where(and(eq(finalAcceptanceRecords.id, id), eq(finalAcceptanceRecords.projectId, projectId)));
  return row ?? null;
}
