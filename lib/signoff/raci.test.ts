import { describe, expect, test } from 'vitest';
import { approvalOutcome, resolveRaci, roleFits, type RaciMember } from './raci';

const members: RaciMember[] = [
  { userId: 'owner', role: 'owner' },
  { userId: 'amoe', role: 'amoe' },
  { userId: 'amoa', role: 'amoa' },
  { userId: 'moa1', role: 'moa' },
  { userId: 'moa2', role: 'moa' },
  { userId: 'viewer', role: 'viewer' },
];

describe('RACI resolution', () => {
  test('with nothing assigned, the project roles decide: requesters may request, approvers are the MOA, all of them', () => {
    expect(resolveRaci(members, [], null)).toEqual({
      requesters: ['owner', 'amoe', 'amoa'],
      approvers: ['moa1', 'moa2'],
      quorum: 2,
      consulted: [],
      informed: [],
    });
  });

  test('assignments narrow each role; consulted and informed are only who is assigned', () => {
    const resolved = resolveRaci(
      members,
      [
        { userId: 'amoe', raciRole: 'responsible' },
        { userId: 'moa2', raciRole: 'approver' },
        { userId: 'amoa', raciRole: 'consulted' },
        { userId: 'viewer', raciRole: 'informed' },
      ],
      null,
    );
    expect(resolved).toEqual({ requesters: ['amoe'], approvers: ['moa2'], quorum: 1, consulted: ['amoa'], informed: ['viewer'] });
  });

  test('an assignment the project role does not allow is ignored (an AMOE approver, a viewer responsible), as is a non-member', () => {
    const resolved = resolveRaci(
      members,
      [
        { userId: 'amoe', raciRole: 'approver' },
        { userId: 'viewer', raciRole: 'responsible' },
        { userId: 'stranger', raciRole: 'consulted' },
      ],
      null,
    );
    expect(resolved.approvers).toEqual(['moa1', 'moa2']);
    expect(resolved.requesters).toEqual(['owner', 'amoe', 'amoa']);
    expect(resolved.consulted).toEqual([]);
    expect(roleFits('amoe', 'approver')).toBe(false);
    expect(roleFits('moa', 'approver')).toBe(true);
    expect(roleFits('viewer', 'informed')).toBe(true);
  });

  test('the quorum is what the owner set, within 1 and the number of approvers', () => {
    expect(resolveRaci(members, [], 1).quorum).toBe(1);
    expect(resolveRaci(members, [], 5).quorum).toBe(2);
    expect(resolveRaci(members, [], 0).quorum).toBe(1);
    expect(resolveRaci(members.filter((m) => m.role !== 'moa'), [], null).quorum).toBe(0);
  });
});

describe('quorum and outcome', () => {
  const all = { approvers: ['moa1', 'moa2'], quorum: 2 };
  test('pending until the quorum of approvals; approved then, with reservations if any approver made some', () => {
    expect(approvalOutcome([], all)).toBe('pending');
    expect(approvalOutcome([{ userId: 'moa1', decision: 'approved' }], all)).toBe('pending');
    expect(approvalOutcome([{ userId: 'moa1', decision: 'approved' }, { userId: 'moa2', decision: 'approved' }], all)).toBe('approved');
    expect(
      approvalOutcome([{ userId: 'moa1', decision: 'approved' }, { userId: 'moa2', decision: 'approved_with_reservations' }], all),
    ).toBe('approved_with_reservations');
    expect(approvalOutcome([{ userId: 'moa1', decision: 'approved' }], { ...all, quorum: 1 })).toBe('approved');
  });

  test('one rejection rejects; decisions of non-approvers and repeated ones do not count', () => {
    expect(approvalOutcome([{ userId: 'moa1', decision: 'approved' }, { userId: 'moa2', decision: 'rejected' }], all)).toBe('rejected');
    expect(approvalOutcome([{ userId: 'amoe', decision: 'rejected' }], all)).toBe('pending');
    expect(approvalOutcome([{ userId: 'moa1', decision: 'approved' }, { userId: 'moa1', decision: 'approved' }], all)).toBe('pending');
    expect(approvalOutcome([{ userId: 'moa1', decision: 'approved' }], { approvers: [], quorum: 0 })).toBe('pending');
  });
});
