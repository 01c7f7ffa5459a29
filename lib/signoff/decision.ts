import type { ApprovalStatus } from './model';
import type { Decision, Thresholds } from './readiness-model';

/**
 * The proposed go / no-go decision (DESIGN.md §3, ANAP acceptance rules), criterion by criterion. Pure: the release
 * page computes the inputs live in one query, the go / no-go record freezes them with their verdicts.
 *
 * Each criterion gives a verdict: met, a reservation (GO avec réserves at best) or blocking (NO-GO); the proposal
 * is the worst verdict. Criteria are a list keyed by name: one evaluator each, the sign-off ones (baseline approved,
 * open reservations) like the recette ones.
 */

export const VERDICTS = ['met', 'reservation', 'blocking'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface ReadinessInputs {
  thresholds: Thresholds;
  /** Open anomalies (neither fermée nor rejetée) of the release's scope, by severity. */
  openAnomalies: { blocking: number; major: number; minor: number };
  /** Must-have (MoSCoW "must") requirements: how many, how many not covered, how many covered but not verified. */
  mustHave: { total: number; uncovered: number; unverified: number };
  /** Suspect trace links of the project (the one suspect rule). */
  suspectLinks: number;
  /** The release's campaigns and how many of them are not closed yet. */
  campaigns: { total: number; open: number };
  /** The manual checklist and how many items are neither done nor "sans objet". */
  checklist: { total: number; unsettled: number };
  /** The project's latest baseline (null: none yet) and the status of its latest approval request ('none': never asked). */
  baseline: { number: number | null; approval: ApprovalStatus | 'none' };
  /** The project's reservations still open, and how many of them are past their due date. */
  reservations: { open: number; overdue: number };
}

export const CRITERION_KEYS = [
  'blockingAnomalies',
  'majorAnomalies',
  'minorAnomalies',
  'mustHaveRequirements',
  'suspectLinks',
  'campaignsClosed',
  'checklist',
  'baselineApproved',
  'openReservations',
] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export interface CriterionResult {
  key: CriterionKey;
  verdict: Verdict;
}

const EVALUATORS: Record<CriterionKey, (i: ReadinessInputs) => Verdict> = {
  // Above the threshold (0 by default) → NO-GO; a bloquante the owner chose to tolerate still makes a reservation.
  blockingAnomalies: ({ openAnomalies, thresholds }) =>
    openAnomalies.blocking > thresholds.maxBlocking ? 'blocking' : openAnomalies.blocking > 0 ? 'reservation' : 'met',
  majorAnomalies: ({ openAnomalies, thresholds }) =>
    openAnomalies.major > thresholds.maxMajor ? 'blocking' : openAnomalies.major > 0 ? 'reservation' : 'met',
  minorAnomalies: ({ openAnomalies }) => (openAnomalies.minor > 0 ? 'reservation' : 'met'),
  // A must-have that is not covered, or whose tests did not all pass in the release's campaigns, cannot go live.
  mustHaveRequirements: ({ mustHave }) => (mustHave.uncovered > 0 || mustHave.unverified > 0 ? 'blocking' : 'met'),
  suspectLinks: ({ suspectLinks }) => (suspectLinks > 0 ? 'reservation' : 'met'),
  // Nothing tested, or a campaign still running: the recette is not over, there is nothing to decide on yet.
  campaignsClosed: ({ campaigns }) => (campaigns.total === 0 || campaigns.open > 0 ? 'blocking' : 'met'),
  checklist: ({ checklist }) => (checklist.unsettled > 0 ? 'reservation' : 'met'),
  // The MOA refused the specification → NO-GO; not signed yet (or no baseline at all) → GO avec réserves at best.
  // Approved with reservations counts as approved: those reservations are the next criterion's.
  baselineApproved: ({ baseline }) =>
    baseline.approval === 'approved' || baseline.approval === 'approved_with_reservations'
      ? 'met'
      : baseline.approval === 'rejected'
        ? 'blocking'
        : 'reservation',
  // An open reservation is, by definition, a GO avec réserves (overdue ones only stand out in the finding).
  openReservations: ({ reservations }) => (reservations.open > 0 ? 'reservation' : 'met'),
};

const RANK: Record<Verdict, number> = { met: 0, reservation: 1, blocking: 2 };
const DECISION_OF: Record<Verdict, Decision> = { met: 'go', reservation: 'go_with_reservations', blocking: 'no_go' };

export function evaluateCriteria(inputs: ReadinessInputs): CriterionResult[] {
  return CRITERION_KEYS.map((key) => ({ key, verdict: EVALUATORS[key](inputs) }));
}

/** The worst verdict decides: any blocking criterion → NO-GO, any reservation → GO avec réserves, else GO. */
export function decisionOf(criteria: readonly { verdict: Verdict }[]): Decision {
  let worst: Verdict = 'met';
  for (const { verdict } of criteria) if (RANK[verdict] > RANK[worst]) worst = verdict;
  return DECISION_OF[worst];
}

export function proposeDecision(inputs: ReadinessInputs): { decision: Decision; criteria: CriterionResult[] } {
  const criteria = evaluateCriteria(inputs);
  return { decision: decisionOf(criteria), criteria };
}

/** Orders decisions from best to worst, for comparisons (GO < GO avec réserves < NO-GO). */
export function decisionRank(decision: Decision): number {
  return decision === 'go' ? 0 : decision === 'go_with_reservations' ? 1 : 2;
}
