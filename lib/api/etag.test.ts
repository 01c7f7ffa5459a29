import { describe, expect, test } from 'vitest';
import { entityTag, matchesIfNoneMatch } from './etag';

describe('entity tags', () => {
  const tag = entityTag('{"data":[]}');

  test('are weak, quoted, and change with the body', () => {
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    expect(entityTag('{"data":[]}')).toBe(tag);
    expect(entityTag('{"data":[1]}')).not.toBe(tag);
  });

  test('If-None-Match matches by weak comparison, in a list, or with *', () => {
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(tag.replace(/^W\//, ''), tag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });

  test('an absent, empty or other tag does not match', () => {
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
    expect(matchesIfNoneMatch('', tag)).toBe(false);
    expect(matchesIfNoneMatch('W/"other"', tag)).toBe(false);
  });
});
