import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './cursor';

const id = '0b6f1d2e-3a4b-4c5d-8e9f-001122334455';

describe('opaque cursors', () => {
  test('round-trip a key of the expected shape', () => {
    expect(decodeCursor(encodeCursor([12]), ['int'])).toEqual([12]);
    expect(decodeCursor(encodeCursor([3, id]), ['int', 'uuid'])).toEqual([3, id]);
    expect(encodeCursor([12])).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test.each([
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ v: 2, k: [1] })).toString('base64url')],
    ['a key too long', encodeCursor([1, 2])],
    ['a string for a number', encodeCursor(['1'])],
    ['a negative number', encodeCursor([-1])],
    ['a fraction', encodeCursor([1.5])],
    ['too long', 'A'.repeat(401)],
    ['empty', ''],
  ])('refuse %s', (_label, cursor) => {
    expect(decodeCursor(cursor, ['int'])).toBeNull();
  });

  test('refuse a uuid part that is no uuid', () => {
    expect(decodeCursor(encodeCursor([1, 'x']), ['int', 'uuid'])).toBeNull();
  });

  test('a page keeps `limit` rows and gives the cursor of its last one only when a row is left over', () => {
    const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const first = pageOf(rows, 2, (r) => [r.n]);
    expect(first.data).toEqual([{ n: 1 }, { n: 2 }]);
    expect(decodeCursor(first.nextCursor!, ['int'])).toEqual([2]);
    expect(pageOf(rows, 3, (r) => [r.n])).toEqual({ data: rows, nextCursor: null });
    expect(pageOf([], 3, (r: { n: number }) => [r.n])).toEqual({ data: [], nextCursor: null });
  });
});
