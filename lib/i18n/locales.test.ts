import { describe, expect, test } from 'vitest';
import { DEFAULT_LOCALE, LOCALES, toLocale } from './locales';

describe('locales', () => {
  test('French by default, English available', () => {
    expect(DEFAULT_LOCALE).toBe('fr');
    expect([...LOCALES]).toEqual(['fr', 'en']);
  });

  test('anything unknown falls back to French', () => {
    expect(toLocale('en')).toBe('en');
    expect(toLocale('fr')).toBe('fr');
    for (const value of ['de', 'EN', 'en-GB', '', undefined, null, 42]) expect(toLocale(value)).toBe('fr');
  });
});
