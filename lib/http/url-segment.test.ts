import { describe, expect, test } from 'vitest';
import { decodeSegment } from './url-segment';

describe('decodeSegment', () => {
  test('decodes well-formed segments', () => {
    expect(decodeSegment('PAIE')).toBe('PAIE');
    expect(decodeSegment('EXF%2012')).toBe('EXF 12');
    expect(decodeSegment('%C3%A9t%C3%A9')).toBe('été');
  });

  test.each(['%ZZ', '%', '%E9t%C3', '%C3', 'a%2'])('%j is malformed: null, not an exception', (segment) => {
    expect(decodeSegment(segment)).toBeNull();
  });
});
