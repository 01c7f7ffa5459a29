import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { anomalyShape, changedAnomalyFields, editableAnomalyFields, parseAnomalyListSearch } from './anomaly-schema';

const schema = z.object(anomalyShape);

describe('anomaly fields', () => {
  test('texts normalized, defaults filled, a ticked checkbox is production, an empty select is no campaign', () => {
    const parsed = schema.parse({ title: '  Net   faux ', stepsToReproduce: '1. Ouvrir\r\n', severity: 'major', production: 'on', campaignId: '' });
    expect(parsed).toMatchObject({ title: 'Net faux', stepsToReproduce: '1. Ouvrir', priority: 'medium', production: true, campaignId: null, testCaseId: null });
    expect(schema.parse({ title: 'x', severity: 'minor' }).production).toBe(false);
  });

  test('a title is required, a severity must be one of the three', () => {
    expect(schema.safeParse({ title: '   ', severity: 'major' }).success).toBe(false);
    expect(schema.safeParse({ title: 'x', severity: 'critical' }).success).toBe(false);
    expect(schema.safeParse({ title: 'x', severity: 'blocking', campaignId: 'not-an-id' }).success).toBe(false);
  });

  test('the changed fields, in form order', () => {
    const before = schema.parse({ title: 'A', severity: 'major' });
    expect(changedAnomalyFields(before, { ...before })).toEqual([]);
    expect(changedAnomalyFields(before, { ...before, severity: 'blocking', title: 'B', production: true })).toEqual(['title', 'severity', 'production']);
  });
});

describe('who edits what', () => {
  test('owner and AMOE edit everything, whatever the status', () => {
    expect(editableAnomalyFields('owner', false, 'fixing')).toBe('all');
    expect(editableAnomalyFields('amoe', false, 'closed')).toBe('all');
  });

  test('the reporter edits the texts while the anomaly is new; nobody else does', () => {
    expect(editableAnomalyFields('moa', true, 'new')).toBe('text');
    expect(editableAnomalyFields('amoa', true, 'analysis')).toBe('none');
    expect(editableAnomalyFields('amoa', false, 'new')).toBe('none');
    expect(editableAnomalyFields('viewer', true, 'new')).toBe('none');
  });
});

describe('list filters from the URL', () => {
  test('known values kept, malformed ones ignored, the first of repeated ones taken', () => {
    expect(parseAnomalyListSearch({ q: ' net ', severity: 'blocking', status: 'open', page: '2', assignee: 'none' })).toEqual({
      q: 'net',
      severity: 'blocking',
      status: 'open',
      page: 2,
      assignee: 'none',
    });
    expect(parseAnomalyListSearch({ severity: 'critical', status: 'done', campaign: 'x', page: '-1', q: '' })).toEqual({});
    expect(parseAnomalyListSearch({ severity: ['minor', 'major'] })).toEqual({ severity: 'minor' });
  });
});
