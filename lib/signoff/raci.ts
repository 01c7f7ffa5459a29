/**
 * RACI resolution (issue 9): for one deliverable of a project, who may request its approval, who approves, how many
 * approvals make the decision, who is consulted and who is informed. Pure.
 *
 * An assignment counts only when the member's project role allows it (DESIGN.md §4): a Responsable must be allowed
 * to request approvals, an Approbateur to decide. With nobody assigned to a role, the project roles decide
 * (every member allowed to request, every member allowed to decide), so a project without a RACI still works.
 */
import { can, type ProjectRole } from '@/lib/auth/roles';
import type { ApprovalDecision, RaciRole } from './model';

export interface RaciMember {
  userId: string;
  role: ProjectRole;
}

export interface RaciAssignment {
  userId: string;
  raciRole: RaciRole;
}

export interface RaciResolution {
  requesters: string[];
  approvers: string[];
  /** How many approvals decide: all approvers unless the owner set fewer. */
  quorum: number;
  consulted: string[];
  informed: string[];
}

/** Whether a member with this project role may hold this RACI role. */
export function roleFits(role: ProjectRole, raciRole: RaciRole): boolean {
  if (raciRole === 'responsible') return can(role, 'approvals.request');
  if (raciRole === 'approver') return can(role, 'approvals.decide');
  return true;
}

export function resolveRaci(members: readonly RaciMember[], assignments: readonly RaciAssignment[], quorum: number | null): RaciResolution {
  const roleOf = new Map(members.map((m) => [m.userId, m.role]));
  const assigned = (raciRole: RaciRole) =>
    [...new Set(assignments.filter((a) => a.raciRole === raciRole && roleOf.has(a.userId) && roleFits(roleOf.get(a.userId)!, raciRole)).map((a) => a.userId))];
  const byRole = (raciRole: RaciRole) => members.filter((m) => roleFits(m.role, raciRole)).map((m) => m.userId);
  const orDefault = (raciRole: RaciRole) => {
    const chosen = assigned(raciRole);
    return chosen.length > 0 ? chosen : byRole(raciRole);
  };
  const approvers = orDefault('approver');
  const wanted = quorum === null ? approvers.length : Math.min(Math.max(1, quorum), approvers.length);
  return {
    requesters: orDefault('responsible'),
    approvers,
    quorum: wanted,
    consulted: assigned('consulted'),
    informed: assigned('informed'),
  };
}

export type ApprovalOutcome = 'pending' | ApprovalDecision;

/**
 * The state of a request from its approvers' decisions (revoked ones left out by the caller): one rejection rejects;
 * otherwise once the quorum of approvals is reached it is approved, with reservations if any approver made some.
 * Decisions of people who are not approvers do not count. With no approver at all, it stays pending.
 */
export function approvalOutcome(
  decisions: readonly { userId: string; decision: ApprovalDecision }[],
  resolution: Pick<RaciResolution, 'approvers' | 'quorum'>,
): ApprovalOutcome {
  const approvers = new Set(resolution.approvers);
  const counted = decisions.filter((d) => approvers.has(d.userId));
  if (counted.some((d) => d.decision === 'rejected')) return 'rejected';
  const approvals = counted.filter((d) => d.decision !== 'rejected');
  if (resolution.quorum === 0 || new Set(approvals.map((d) => d.userId)).size < resolution.quorum) return 'pending';
  return approvals.some((d) => d.decision === 'approved_with_reservations') ? 'approved_with_reservations' : 'approved';
}
