import type { ProjectRole } from '@/lib/auth/roles';
import type { ExecutionResult } from './campaign-model';
import type { AnomalyStatus } from './anomaly-model';

/**
 * The anomaly lifecycle (DESIGN.md §3) with who may move it. The AMOE (and the owner) analyse, fix and hand over
 * for retest; whoever runs tests (AMOA and MOA included) closes or reopens after a retest, and may reopen a
 * rejected or closed anomaly they disagree with. Viewers move nothing.
 */
const TEAM: readonly ProjectRole[] = ['owner', 'amoe'];
const TESTERS: readonly ProjectRole[] = ['owner', 'amoe', 'amoa', 'moa'];

const TRANSITIONS: Record<AnomalyStatus, Partial<Record<AnomalyStatus, readonly ProjectRole[]>>> = {
  new: { analysis: TEAM, fixing: TEAM, rejected: TEAM },
  analysis: { fixing: TEAM, rejected: TEAM },
  fixing: { to_retest: TEAM, analysis: TEAM },
  to_retest: { closed: TESTERS, reopened: TESTERS },
  reopened: { analysis: TEAM, fixing: TEAM, rejected: TEAM },
  rejected: { reopened: TESTERS },
  closed: { reopened: TESTERS },
};

export function canTransition(role: ProjectRole, from: AnomalyStatus, to: AnomalyStatus): boolean {
  return TRANSITIONS[from][to]?.includes(role) ?? false;
}

/** The statuses this role may move an anomaly to from where it stands, in lifecycle order. */
export function allowedTransitions(role: ProjectRole, from: AnomalyStatus): AnomalyStatus[] {
  return (Object.keys(TRANSITIONS[from]) as AnomalyStatus[]).filter((to) => canTransition(role, from, to));
}

/** Rejecting says why it is not a defect; reopening says what still fails. */
export function transitionNeedsReason(to: AnomalyStatus): boolean {
  return to === 'rejected' || to === 'reopened';
}

/**
 * The retest loop: a new result on a campaign item whose anomaly awaits retest proposes closing it (passed) or
 * reopening it (failed). The tester confirms; nothing changes silently. Blocked decides nothing.
 */
export function retestProposal(result: ExecutionResult, anomalyStatus: AnomalyStatus): 'close' | 'reopen' | null {
  if (anomalyStatus !== 'to_retest') return null;
  if (result === 'passed') return 'close';
  if (result === 'failed') return 'reopen';
  return null;
}
