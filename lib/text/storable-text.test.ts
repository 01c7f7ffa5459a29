import { describe, expect, test } from 'vitest';
import { isStorableText, unstorableTextPaths } from './storable-text';

describe('text the database can store', () => {
  test('ordinary text, accents and characters outside the BMP are storable', () => {
    expect(isStorableText('Exigence « paie » — 12 €')).toBe(true);
    expect(isStorableText('emoji 😀 and 𝔸')).toBe(true);
  });

  test('a NUL byte or a lone surrogate is not', () => {
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\uD800b')).toBe(false);
    expect(isStorableText('a\uDC00')).toBe(false);
    expect(isStorableText('\uD83D')).toBe(false);
  });

  test('paths name every offending field, nested ones and keys included', () => {
    expect(unstorableTextPaths({ title: 'ok', steps: [{ action: 'x\u0000' }], tags: ['\uD800'] })).toEqual([
      'steps.0.action',
      'tags.0',
    ]);
    expect(unstorableTextPaths({ ['k\u0000']: 'v' })).toEqual(['_form']);
    expect(unstorableTextPaths('\u0000')).toEqual(['_form']);
    expect(unstorableTextPaths({ n: 1, b: true, d: null })).toEqual([]);
  });
});
