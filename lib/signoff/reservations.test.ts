import { describe, expect, test } from 'vitest';
import { canLift, isOverdue, liftingProposed, overdueFirst, parisToday } from './reservations';
import { signatureState } from './signature-state';

describe('reservation lifting', () => {
  test('proposed once every linked anomaly is closed, not before', () => {
    expect(liftingProposed('open', ['closed', 'closed'])).toBe(true);
    expect(liftingProposed('open', ['closed', 'to_retest'])).toBe(false);
    expect(liftingProposed('open', ['rejected'])).toBe(false);
    expect(liftingProposed('open', ['reopened'])).toBe(false);
  });
  test('never for a reservation without anomaly, nor for one already lifted', () => {
    expect(liftingProposed('open', [])).toBe(false);
    expect(liftingProposed('lifted', ['closed'])).toBe(false);
  });
});

describe('overdue reservations', () => {
  test('open past the due date, in Paris time', () => {
    expect(isOverdue('open', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('open', '2026-03-02', '2026-03-02')).toBe(false);
    expect(isOverdue('lifted', '2026-03-01', '2026-03-02')).toBe(false);
    // 23:30 UTC on 1 March is already 2 March in Paris.
    expect(parisToday(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
  });

  test('due on 30 April: not late on the last minute of that day in Paris, late from the first of 1 May (summer time)', () => {
    const due = '2026-04-30';
    // 21:59 UTC is 23:59 in Paris (UTC+2): still the due date.
    expect(isOverdue('open', due, parisToday(new Date('2026-04-30T21:59:59Z')))).toBe(false);
    // 22:00 UTC is midnight in Paris: 1 May, though still 30 April in UTC.
    expect(isOverdue('open', due, parisToday(new Date('2026-04-30T22:00:00Z')))).toBe(true);
  });

  test('in winter time the day turns at 23:00 UTC; a lifted reservation is never late', () => {
    expect(isOverdue('open', '2026-01-15', parisToday(new Date('2026-01-15T22:59:59Z')))).toBe(false);
    expect(isOverdue('open', '2026-01-15', parisToday(new Date('2026-01-15T23:00:00Z')))).toBe(true);
    expect(isOverdue('lifted', '2026-01-15', parisToday(new Date('2027-01-01T12:00:00Z')))).toBe(false);
  });

  test('the list shows the overdue first (oldest due first), then the other open ones, then the lifted', () => {
    const rows = [
      { number: 1, status: 'lifted' as const, dueDate: '2026-01-01' },
      { number: 2, status: 'open' as const, dueDate: '2026-06-01' },
      { number: 3, status: 'open' as const, dueDate: '2026-03-01' },
      { number: 4, status: 'open' as const, dueDate: '2026-02-01' },
      { number: 5, status: 'open' as const, dueDate: '2026-04-10' },
    ];
    expect(overdueFirst(rows, '2026-04-10').map((r) => r.number)).toEqual([4, 3, 5, 2, 1]);
  });
});

describe('signature state', () => {
  test('valid for its version, obsolete once the subject moved on, revoked whatever the version', () => {
    expect(signatureState({ subjectVersion: 2, revoked: false }, 2)).toBe('valid');
    expect(signatureState({ subjectVersion: 2, revoked: false }, 3)).toBe('obsolete');
    expect(signatureState({ subjectVersion: 2, revoked: true }, 2)).toBe('revoked');
  });
});

describe('who may lift', () => {
  test('an open reservation whose anomalies are all closed, or that has none; never one still open or already lifted', () => {
    expect(canLift('open', ['closed'])).toBe(true);
    expect(canLift('open', [])).toBe(true);
    expect(canLift('open', ['closed', 'fixing'])).toBe(false);
    expect(canLift('lifted', [])).toBe(false);
  });
});
