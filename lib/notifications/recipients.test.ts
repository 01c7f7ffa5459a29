import { describe, expect, test } from 'vitest';
import { resolveRaci } from '@/lib/signoff/raci';
import {
  approvalCommentRecipients,
  approvalDecidedRecipients,
  approvalRequestedRecipients,
  goNoGoSignedRecipients,
  recipients,
  reservationRecipients,
} from './recipients';

const members = [
  { userId: 'owner', role: 'owner' as const },
  { userId: 'amoe', role: 'amoe' as const },
  { userId: 'amoa', role: 'amoa' as const },
  { userId: 'moa', role: 'moa' as const },
  { userId: 'moa2', role: 'moa' as const },
  { userId: 'viewer', role: 'viewer' as const },
];
const raci = resolveRaci(
  members,
  [
    { userId: 'amoe', raciRole: 'responsible' },
    { userId: 'moa', raciRole: 'approver' },
    { userId: 'moa2', raciRole: 'approver' },
    { userId: 'amoa', raciRole: 'consulted' },
    { userId: 'viewer', raciRole: 'informed' },
  ],
  null,
);

describe('recipients', () => {
  test('each person once, in order, without the actor nor blanks', () => {
    expect(recipients('a', ['b', 'a', null], 'c', undefined, ['b', 'd'])).toEqual(['b', 'c', 'd']);
    expect(recipients(null, [], null)).toEqual([]);
  });

  test('a request reaches the approvers, the consulted and the informed, not the Responsable who asked', () => {
    expect(approvalRequestedRecipients(raci, 'amoe')).toEqual(['moa', 'moa2', 'amoa', 'viewer']);
  });

  test('without a RACI, a request reaches every member allowed to decide (the project roles decide)', () => {
    expect(approvalRequestedRecipients(resolveRaci(members, [], null), 'amoe')).toEqual(['moa', 'moa2']);
  });

  test('a decision reaches who asked, the Responsables, the informed and the other approvers, not the decider', () => {
    expect(approvalDecidedRecipients(raci, 'owner', 'moa')).toEqual(['owner', 'amoe', 'viewer', 'moa2']);
  });

  test('a comment reaches who asked, the approvers and the consulted, not its author', () => {
    expect(approvalCommentRecipients(raci, 'amoe', 'amoa')).toEqual(['amoe', 'moa', 'moa2']);
    expect(approvalCommentRecipients(raci, null, 'moa')).toEqual(['moa2', 'amoa']);
  });

  test('a reservation reaches its owner, who asked and the informed of the lifting', () => {
    const lifting = resolveRaci(members, [{ userId: 'owner', raciRole: 'informed' }], null);
    expect(reservationRecipients(lifting, 'amoa', 'amoe', 'moa')).toEqual(['amoa', 'amoe', 'owner']);
    expect(reservationRecipients(lifting, null, null, 'owner')).toEqual([]);
  });

  test('a signed go / no-go reaches the participants, the approvers and the informed', () => {
    expect(goNoGoSignedRecipients(raci, ['owner', 'moa'], 'moa')).toEqual(['owner', 'moa2', 'viewer']);
  });
});
