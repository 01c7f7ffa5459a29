import { describe, expect, test } from 'vitest';
import { clientAddress, trustedProxyCount } from './client-address';

describe('clientAddress', () => {
  test('no trusted proxy (the default): the single hop Next wrote from the socket', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.7' }), 0)).toBe('198.51.100.7');
  });

  test('no trusted proxy: X-Real-IP is the client\'s own word and is not read', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.8' }), 0)).toBe('unknown');
  });

  test('takes the hop appended by the trusted proxy, not one the client wrote', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' 6.6.6.6 , 198.51.100.7' }), 1)).toBe('198.51.100.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.1' }), 2)).toBe('198.51.100.7');
  });

  test('a single hop is used as it is, even with more trusted proxies than hops', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.9' }), 3)).toBe('198.51.100.9');
  });

  test('behind a proxy, falls back to the X-Real-IP it set, then to "unknown"', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.8' }), 1)).toBe('198.51.100.8');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '  ' }), 1)).toBe('unknown');
    expect(clientAddress(new Headers(), 1)).toBe('unknown');
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
  });
});

describe('trustedProxyCount', () => {
  test('defaults to no trusted proxy', () => {
    expect(trustedProxyCount({})).toBe(0);
  });

  test('reads a whole number of hops, 0 included', () => {
    expect(trustedProxyCount({ PASSERELLE_TRUSTED_PROXIES: '0' })).toBe(0);
    expect(trustedProxyCount({ PASSERELLE_TRUSTED_PROXIES: '1' })).toBe(1);
    expect(trustedProxyCount({ PASSERELLE_TRUSTED_PROXIES: '2' })).toBe(2);
  });

  test('anything else trusts no proxy rather than guessing', () => {
    for (const value of ['-1', '1.5', 'oui', '']) expect(trustedProxyCount({ PASSERELLE_TRUSTED_PROXIES: value }), value).toBe(0);
  });
});
