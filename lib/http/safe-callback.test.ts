import { describe, expect, test } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from './safe-callback';

const ORIGIN = 'https://passerelle.example.fr';
const follow = (raw: unknown) => safeCallbackPath(raw, ORIGIN);

describe('safeCallbackPath', () => {
  test('a path on the app is followed, query and fragment kept', () => {
    expect(follow('/projects/PAIE/settings')).toBe('/projects/PAIE/settings');
    expect(follow('/projects/PAIE/requirements?q=paie&page=2#liste')).toBe('/projects/PAIE/requirements?q=paie&page=2#liste');
    expect(follow('/profile')).toBe('/profile');
  });

  test('a full URL on the app itself becomes its path', () => {
    expect(follow('https://passerelle.example.fr/projects/PAIE?x=1')).toBe('/projects/PAIE?x=1');
  });

  test('nothing, or not text, gives the default', () => {
    for (const raw of [undefined, null, '', 42, ['/profile'], { href: '/profile' }]) expect(follow(raw)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  test.each([
    ['protocol-relative', '//evil.example/x'],
    ['tab inside the slashes', '/\t/evil.example/'],
    ['newline inside the slashes', '/\n/evil.example/'],
    ['carriage return', '/\r/evil.example/'],
    ['leading whitespace', ' //evil.example/'],
    ['slash backslash', '/\\evil.example'],
    ['backslash slash', '\\/evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['dot segments collapsing into //', '/x/..//evil.example/'],
    ['encoded dot segments', '/x/%2e%2e//evil.example/'],
    ['absolute http', 'http://evil.example'],
    ['absolute https', 'https://evil.example/projects'],
    ['same host, other scheme', 'http://passerelle.example.fr/projects'],
    ['same host, other port', 'https://passerelle.example.fr:8443/projects'],
    ['credentials before the host', 'https://passerelle.example.fr@evil.example/'],
    ['other scheme without slashes', 'http:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: mixed case and spaces', ' JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['overlong', `/${'a'.repeat(3000)}`],
  ])('%s (%j) gives the default', (_, raw) => {
    expect(follow(raw)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  test('encoded slashes stay encoded: a path on the app, not another host', () => {
    expect(follow('/%2F%2Fevil.example/')).toBe('/%2F%2Fevil.example/');
    expect(follow('/%252F%252Fevil.example')).toBe('/%252F%252Fevil.example');
    expect(follow('%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(follow('/%5Cevil.example')).toBe('/%5Cevil.example');
    for (const path of ['/%2F%2Fevil.example/', '/%252F%252Fevil.example', '/%5Cevil.example']) {
      expect(new URL(follow(path), ORIGIN).origin).toBe(ORIGIN);
    }
  });

  test('a relative path is read from the root of the app, as a browser would', () => {
    expect(follow('projects')).toBe('/projects');
    // The app's own scheme without slashes is a relative reference in the WHATWG parser, not another host.
    expect(follow('https:evil.example')).toBe('/evil.example');
  });

  test('whatever comes out, a browser reading it stays on the app', () => {
    const samples = ['/\t/a', '/\\a', '//a', '/./a', '/a/../../b', '?q=1', '#x', '/a?next=//evil.example'];
    for (const raw of samples) {
      const path = follow(raw);
      expect(path.startsWith('/') && !path.startsWith('//')).toBe(true);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
    }
  });
});
