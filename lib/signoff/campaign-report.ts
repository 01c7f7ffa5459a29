/**
 * The campaign report (rapport de campagne) as a deliverable the MOA approves: what is frozen when approval is asked,
 * what its approvers sign, and when a request may be made. Pure: the query reads the rows, this shapes them.
 *
 * Names are copied, never ids, so a rename or a pseudonymization later never rewrites what was signed (like the
 * go / no-go snapshot). Rows are in the campaign's order, anomalies by severity then number: the order pages and
 * the PV show, and the order the content is hashed in.
 */
import { ANOMALY_SEVERITIES, OPEN_ANOMALY_STATUSES, type AnomalySeverity, type AnomalyStatus } from '@/lib/recette/anomaly-model';
import { ITEM_STATES, type ItemState } from '@/lib/recette/campaign-item-state';
import type { ApprovalStatus } from './model';

export interface CampaignReportResult {
  testCase: number;
  title: string;
  version: number;
  verdict: ItemState;
  /** Who ran the latest execution and when it finished (null: never run, or closed as non exécuté). */
  executedBy: string | null;
  executedAt: string | null;
  notRunReason: string | null;
}

export interface CampaignReportAnomaly {
  number: number;
  title: string;
  severity: AnomalySeverity;
  status: AnomalyStatus;
}

export interface CampaignReportSnapshot {
  project: { key: string; name: string; client: string };
  campaign: {
    number: number;
    name: string;
    type: string;
    description: string;
    environment: string;
    build: string;
    plannedStart: string | null;
    plannedEnd: string | null;
    startedAt: string | null;
    closedAt: string | null;
    closedBy: string | null;
  };
  results: CampaignReportResult[];
  counts: Record<ItemState, number> & { total: number };
  anomalies: CampaignReportAnomaly[];
}

export interface CampaignReportInput {
  project: CampaignReportSnapshot['project'];
  campaign: Omit<CampaignReportSnapshot['campaign'], 'startedAt' | 'closedAt'> & { startedAt: Date | null; closedAt: Date | null };
  results: (Omit<CampaignReportResult, 'executedAt'> & { position: number; executedAt: Date | null })[];
  anomalies: CampaignReportAnomaly[];
}

const severityRank = (severity: AnomalySeverity) => ANOMALY_SEVERITIES.indexOf(severity);

/** Counts of results by verdict, every verdict present (0 when none). */
export function countVerdicts(results: readonly { verdict: ItemState }[]): CampaignReportSnapshot['counts'] {
  const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as Record<ItemState, number>;
  for (const r of results) counts[r.verdict] += 1;
  return { ...counts, total: results.length };
}

/** The frozen report from the rows read at request time. */
export function campaignReportSnapshot(input: CampaignReportInput): CampaignReportSnapshot {
  const results = [...input.results]
    .sort((a, b) => a.position - b.position || a.testCase - b.testCase)
    .map(({ position: _position, executedAt, ...rest }) => ({ ...rest, executedAt: executedAt ? executedAt.toISOString() : null }));
  return {
    project: input.project,
    campaign: {
      ...input.campaign,
      startedAt: input.campaign.startedAt ? input.campaign.startedAt.toISOString() : null,
      closedAt: input.campaign.closedAt ? input.campaign.closedAt.toISOString() : null,
    },
    results,
    counts: countVerdicts(results),
    anomalies: [...input.anomalies].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.number - b.number),
  };
}

/** Anomalies of the report per severity: how many, and how many were still open when it was frozen. */
export function anomaliesBySeverity(anomalies: readonly CampaignReportAnomaly[]) {
  return ANOMALY_SEVERITIES.map((severity) => {
    const of = anomalies.filter((a) => a.severity === severity);
    return { severity, total: of.length, open: of.filter((a) => OPEN_ANOMALY_STATUSES.includes(a.status)).length, anomalies: of };
  });
}

/** What approving a campaign report's request signs: the request (number, message) and the frozen report in full. */
export function campaignReportApprovalContent(request: { number: number; deliverable: string; message: string }, snapshot: CampaignReportSnapshot) {
  return { request: { number: request.number, deliverable: request.deliverable, message: request.message }, campaignReport: snapshot };
}

export type CampaignReportRefusal = 'campaignNotClosed' | 'approvalPending' | 'approvalDecided';

/**
 * Why a campaign's report may not be put to approval now (null: it may). Only a closed campaign has a report to
 * sign; one request at a time, and an approved report stays approved; after a rejection it may be asked again.
 */
export function campaignReportRefusal(campaignStatus: string, requestStatuses: readonly ApprovalStatus[]): CampaignReportRefusal | null {
  if (campaignStatus !== 'closed') return 'campaignNotClosed';
  if (requestStatuses.includes('pending')) return 'approvalPending';
  if (requestStatuses.some((s) => s === 'approved' || s === 'approved_with_reservations')) return 'approvalDecided';
  return null;
}
