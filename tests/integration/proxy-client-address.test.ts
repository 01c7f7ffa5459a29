import { NextRequest } from 'next/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { config, proxy } from '@/proxy';

/**
 * The request headers the proxy hands on to pages, actions and Auth.js (Next carries them as
 * `x-middleware-request-*` on the proxy's response). With no trusted proxy, the client's own X-Forwarded-For must
 * not reach them: Next's server then writes the socket's peer address there instead.
 */
function forwarded(response: Response) {
  const names = (response.headers.get('x-middleware-override-headers') ?? '').split(',').map((name) => name.trim());
  return (name: string) => (names.includes(name) ? response.headers.get(`x-middleware-request-${name}`) : null);
}

function signInRequest(path = '/login') {
  return new NextRequest(`http://localhost${path}`, {
    headers: { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.7', 'accept-language': 'fr' },
  });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the proxy and the client address', () => {
  test('by default (no trusted proxy) the client\'s X-Forwarded-For and X-Real-IP are dropped', () => {
    const header = forwarded(proxy(signInRequest()));
    expect(header('x-forwarded-for')).toBeNull();
    expect(header('x-real-ip')).toBeNull();
    expect(header('accept-language')).toBe('fr');
  });

  test('behind a trusted proxy they are passed on for clientAddress to read', () => {
    vi.stubEnv('PASSERELLE_TRUSTED_PROXIES', '1');
    const header = forwarded(proxy(signInRequest()));
    expect(header('x-forwarded-for')).toBe('6.6.6.6');
    expect(header('x-real-ip')).toBe('6.6.6.7');
  });

  test('Auth.js\'s endpoints go through the proxy too, without a session', () => {
    expect(config.matcher[0]).not.toMatch(/api/);
    const response = proxy(signInRequest('/api/auth/callback/credentials'));
    expect(response.headers.get('location')).toBeNull();
    expect(forwarded(response)('x-forwarded-for')).toBeNull();
  });
});
