/** Sign-off vocabulary (DESIGN.md §3): deliverables, RACI roles, signature meanings, decisions. Pure. */
export const DELIVERABLE_KINDS = ['baseline', 'campaign_report', 'go_no_go', 'reservation_lifting'] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const RACI_ROLES = ['responsible', 'approver', 'consulted', 'informed'] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

export const SIGNATURE_MEANINGS = [
  'authored',
  'reviewed',
  'approved',
  'approved_with_reservations',
  'rejected',
  'go',
  'no_go',
  'reservation_lifted',
  'revoked',
] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

/** What an approver decides on a request; each is signed with the meaning of the same name. */
export const APPROVAL_DECISIONS = ['approved', 'approved_with_reservations', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export const APPROVAL_STATUSES = ['pending', ...APPROVAL_DECISIONS] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Deliverables an approval request can be made for here (go / no-go belongs to releases). */
export const REQUESTABLE_DELIVERABLES = ['baseline', 'campaign_report'] as const satisfies readonly DeliverableKind[];
export type RequestableDeliverable = (typeof REQUESTABLE_DELIVERABLES)[number];

/** A reason is required for every decision but a plain approval (21 CFR 11.50: the meaning and its why). */
export function decisionNeedsReason(decision: ApprovalDecision): boolean {
  return decision !== 'approved';
}

export const BASELINE_NUMBER_SERIES = 'LDB';
export const APPROVAL_NUMBER_SERIES = 'APPROBATION';
export const RESERVATION_NUMBER_SERIES = 'RESERVE';
