import { describe, expect, test } from 'vitest';
import { decodeSegment, hasMalformedSegment } from './url-segment';

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

describe('hasMalformedSegment', () => {
  test('well-formed paths, encoded or not', () => {
    for (const path of ['/', '/projects', '/projects/PAIE/specifications/STD-1', '/projects/%C3%A9t%C3%A9', '/a%20b/']) {
      expect(hasMalformedSegment(path), path).toBe(false);
    }
  });

  test('a single malformed segment anywhere', () => {
    for (const path of ['/projects/%ZZ', '/api/projects/%ZZ/trace-items', '/projects/PAIE/specifications/%E9', '/%']) {
      expect(hasMalformedSegment(path), path).toBe(true);
    }
  });
});

describe('decodeSegment and text the database cannot store', () => {
  test('a NUL, encoded or not, names nothing', () => {
    expect(decodeSegment('A%00')).toBeNull();
    expect(decodeSegment('A\u0000')).toBeNull();
    expect(hasMalformedSegment('/projects/A%00/requirements')).toBe(true);
  });
});
