import { describe, expect, it } from 'vitest';
import { currentVsrPeriod, finalDecisionErrors, mayGoLive, vsrDaysLeft, vsrOver } from './go-live';

describe('mayGoLive', () => {
  it('after a signed GO or GO avec réserves only', () => {
    expect(mayGoLive({ decision: 'go', signed: true })).toBe(true);
    expect(mayGoLive({ decision: 'go_with_reservations', signed: true })).toBe(true);
    expect(mayGoLive({ decision: 'go', signed: false })).toBe(false);
    expect(mayGoLive({ decision: 'no_go', signed: true })).toBe(false);
    expect(mayGoLive(null)).toBe(false);
  });
});

describe('the VSR period', () => {
  const deployedAt = new Date('2026-03-01T20:00:00.000Z');
  it('runs vsrDays from the deployment, then from the last ajournement for its new period', () => {
    const first = currentVsrPeriod({ deployedAt, vsrDays: 30 }, null);
    expect(first).toEqual({ start: deployedAt, end: new Date('2026-03-31T20:00:00.000Z'), days: 30 });
    const adjournedAt = new Date('2026-04-02T08:00:00.000Z');
    expect(currentVsrPeriod({ deployedAt, vsrDays: 30 }, { recordedAt: adjournedAt, newPeriodDays: 15 })).toEqual({
      start: adjournedAt,
      end: new Date('2026-04-17T08:00:00.000Z'),
      days: 15,
    });
  });

  it('is over at its end instant, not a millisecond before; days left round up and stop at 0', () => {
    const period = currentVsrPeriod({ deployedAt, vsrDays: 30 }, null);
    expect(vsrOver(period, new Date('2026-03-31T19:59:59.999Z'))).toBe(false);
    expect(vsrOver(period, new Date('2026-03-31T20:00:00.000Z'))).toBe(true);
    expect(vsrDaysLeft(period, new Date('2026-03-30T21:00:00.000Z'))).toBe(1);
    expect(vsrDaysLeft(period, deployedAt)).toBe(30);
    expect(vsrDaysLeft(period, new Date('2026-05-01T00:00:00.000Z'))).toBe(0);
  });
});

describe('finalDecisionErrors', () => {
  it('an ajournement needs a reason and a new period; a recette définitive needs neither', () => {
    expect(finalDecisionErrors({ decision: 'accepted', reason: '', newPeriodDays: null })).toBeNull();
    expect(finalDecisionErrors({ decision: 'adjourned', reason: '', newPeriodDays: null })).toEqual({
      reason: ['reasonRequired'],
      newPeriodDays: ['required'],
    });
    expect(finalDecisionErrors({ decision: 'adjourned', reason: 'Deux anomalies de production ouvertes.', newPeriodDays: 15 })).toBeNull();
  });
});
