import { describe, expect, test } from 'vitest';
import { canLift, isOverdue, liftingProposed, parisToday } from './reservations';
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
