/**
 * Who hears of what (issue 9, "Notifications"), from the deliverable's RACI (lib/signoff/raci.ts). Pure.
 * The person who made the change is never told of it; everyone else appears once. Membership is not checked here:
 * the insert keeps only current members of the project (db/queries/notifications.ts).
 */
import type { RaciResolution } from '@/lib/signoff/raci';

type Id = string | null | undefined;

/** The people named, once each, in order, without the actor and without blanks. */
export function recipients(actorId: Id, ...groups: (readonly Id[] | Id)[]): string[] {
  const out = new Set<string>();
  for (const group of groups) {
    for (const id of Array.isArray(group) ? group : [group]) if (id && id !== actorId) out.add(id);
  }
  return [...out];
}

type Raci = Pick<RaciResolution, 'requesters' | 'approvers' | 'consulted' | 'informed'>;

/** A request for approval: the approvers must act, the consulted may comment, the informed get a notice. */
export function approvalRequestedRecipients(raci: Raci, actorId: string): string[] {
  return recipients(actorId, raci.approvers, raci.consulted, raci.informed);
}

/**
 * A request reached its decision (approved, with reservations, rejected): the person who asked, the other
 * Responsables, the informed, and the approvers who have not decided themselves.
 */
export function approvalDecidedRecipients(raci: Raci, requestedBy: Id, actorId: string): string[] {
  return recipients(actorId, requestedBy, raci.requesters, raci.informed, raci.approvers);
}

/** A comment on a deliverable under review: whoever asked, those who decide, and those consulted. */
export function approvalCommentRecipients(raci: Raci, requestedBy: Id, actorId: string): string[] {
  return recipients(actorId, requestedBy, raci.approvers, raci.consulted);
}

/** A reservation raised or lifted: its owner, who asked for the approval, and the informed of the lifting. */
export function reservationRecipients(liftingRaci: Raci, ownerId: Id, requestedBy: Id, actorId: string): string[] {
  return recipients(actorId, ownerId, requestedBy, liftingRaci.informed);
}

/** A go / no-go signed: the meeting's participants, the other approvers and the informed of the go / no-go. */
export function goNoGoSignedRecipients(raci: Raci, participantIds: readonly string[], actorId: string): string[] {
  return recipients(actorId, participantIds, raci.approvers, raci.informed);
}
