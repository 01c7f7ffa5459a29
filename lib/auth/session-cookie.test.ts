import { describe, expect, test } from 'vitest';
import { sessionCookieHeader } from './session-cookie';

describe('sessionCookieHeader', () => {
  test('keeps only the session cookies, chunks included, in a stable order', () => {
    expect(
      sessionCookieHeader([
        { name: 'passerelle-locale', value: 'en' },
        { name: '__Secure-authjs.session-token.1', value: 'b' },
        { name: 'authjs.csrf-token', value: 'x' },
        { name: '__Secure-authjs.session-token.0', value: 'a' },
      ]),
    ).toBe('__Secure-authjs.session-token.0=a; __Secure-authjs.session-token.1=b');
  });

  test('no session cookie: an empty header', () => {
    expect(sessionCookieHeader([{ name: 'x-authjs.session-token', value: 'a' }])).toBe('');
  });
});
