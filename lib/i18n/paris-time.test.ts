import { describe, expect, it } from 'vitest';
import { instantToParisLocal, parisLocalToInstant } from './paris-time';

describe('Paris wall-clock date-times', () => {
  it('winter is UTC+1, summer UTC+2', () => {
    expect(parisLocalToInstant('2026-01-15T21:30')!.toISOString()).toBe('2026-01-15T20:30:00.000Z');
    expect(parisLocalToInstant('2026-07-15T21:30')!.toISOString()).toBe('2026-07-15T19:30:00.000Z');
  });
  it('refuses what is not a date-time, and the hour skipped by the spring change', () => {
    expect(parisLocalToInstant('2026-02-30T10:00')).toBeNull();
    expect(parisLocalToInstant('demain')).toBeNull();
    expect(parisLocalToInstant('2026-03-29T02:30')).toBeNull();
  });
  it('round-trips', () => {
    for (const v of ['2026-03-29T03:00', '2026-10-25T01:59', '2026-12-31T23:59']) expect(instantToParisLocal(parisLocalToInstant(v)!)).toBe(v);
  });
});
