import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalJson, contentHash } from './canonical';

const json = fc.jsonValue({ maxDepth: 4 });

/** The same object with its keys inserted in another order, at every depth. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffled(v, seed + i));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]!);
    return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffled(v, seed + 1)]));
  }
  return value;
}

describe('canonical content hashing', () => {
  test('a known value has a known SHA-256 of its sorted, compact JSON', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'é'] })).toBe('{"a":[true,null,"é"],"b":1}');
    expect(contentHash({ b: 1, a: [true, null, 'é'] })).toBe(contentHash({ a: [true, null, 'é'], b: 1 }));
    expect(contentHash('')).toBe('12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126');
    expect(contentHash({})).toMatch(/^[0-9a-f]{64}$/);
  });

  test('key order does not change the hash, at any depth', () => {
    fc.assert(
      fc.property(json, fc.nat(10), (value, seed) => {
        expect(contentHash(shuffled(value, seed))).toBe(contentHash(value));
      }),
    );
  });

  test('any change of one field changes the hash', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), json, { minKeys: 1 }),
        fc.nat(),
        json,
        (record, pick, replacement) => {
          const keys = Object.keys(record);
          const key = keys[pick % keys.length]!;
          fc.pre(canonicalJson(record[key]) !== canonicalJson(replacement));
          expect(contentHash({ ...record, [key]: replacement })).not.toBe(contentHash(record));
        },
      ),
    );
  });

  test('renaming a key, reordering an array or changing a value type changes the hash', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ b: 1 }));
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }));
    expect(contentHash({ a: null })).not.toBe(contentHash({}));
  });

  test('undefined members are left out and dates become ISO text, as stored JSON would give them back', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson({ at: new Date('2026-03-02T09:00:00Z') })).toBe('{"at":"2026-03-02T09:00:00.000Z"}');
    expect(canonicalJson(-0)).toBe('0');
  });

  test('the canonical text parsed back hashes the same (what a stored signature is verified with)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(contentHash(JSON.parse(canonicalJson(value)))).toBe(contentHash(value));
      }),
    );
  });

  test('what JSON cannot hold is refused, not silently hashed', () => {
    expect(() => contentHash({ n: Number.NaN })).toThrow(/finite/);
    expect(() => contentHash({ f: () => 1 })).toThrow(/function/);
  });
});
