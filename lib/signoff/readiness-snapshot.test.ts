import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './readiness-snapshot';

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'é' } })).toBe(canonicalJson({ a: { c: 'é', d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('changes with any value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer(), { minKeys: 1 }), (object) => {
        const key = Object.keys(object)[0]!;
        expect(canonicalJson({ ...object, [key]: object[key]! + 1 })).not.toBe(canonicalJson(object));
      }),
    );
  });

  it('reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
