import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { campaignFieldErrors, campaignShape, isCalendarDate, notRunReasonSchema } from './campaign-schema';

const schema = z.object(campaignShape);

describe('campaign fields', () => {
  test('dates are calendar dates or empty; texts are trimmed', () => {
    const parsed = schema.parse({ name: '  VABF lot 1 ', type: 'vabf', plannedStart: '2026-03-02', plannedEnd: '' });
    expect(parsed).toMatchObject({ name: 'VABF lot 1', environment: '', plannedStart: '2026-03-02', plannedEnd: null });
    expect(schema.safeParse({ name: 'x', type: 'vabf', plannedStart: '2026-02-30' }).success).toBe(false);
    expect(schema.safeParse({ name: 'x', type: 'vabf', plannedStart: '02/03/2026' }).success).toBe(false);
    expect(schema.safeParse({ name: '', type: 'vabf' }).success).toBe(false);
    expect(schema.safeParse({ name: 'x', type: 'recette' }).success).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
  });
  test('the end cannot come before the start', () => {
    const base = { name: 'x', type: 'vsr' as const, environment: '', build: '', description: '' };
    expect(campaignFieldErrors({ ...base, plannedStart: '2026-03-02', plannedEnd: '2026-03-01' })).toEqual({ plannedEnd: ['campaign.endBeforeStart'] });
    expect(campaignFieldErrors({ ...base, plannedStart: '2026-03-02', plannedEnd: '2026-03-02' })).toBeUndefined();
    expect(campaignFieldErrors({ ...base, plannedStart: null, plannedEnd: '2026-03-01' })).toBeUndefined();
  });
  test('a "non exécuté" reason is required', () => {
    expect(notRunReasonSchema.safeParse('   ').success).toBe(false);
    expect(notRunReasonSchema.parse(' Environnement indisponible ')).toBe('Environnement indisponible');
  });
});
