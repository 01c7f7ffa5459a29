import { describe, expect, test } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  test('takes the hop appended by the trusted proxy, not one the client wrote', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' 6.6.6.6 , 198.51.100.7' }), 1)).toBe('198.51.100.7');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.1' }), 2)).toBe('198.51.100.7');
  });

  test('a single hop is used as it is, even with more trusted proxies than hops', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '198.51.100.9' }), 3)).toBe('198.51.100.9');
  });

  test('falls back to X-Real-IP, then to "unknown"', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.8' }), 1)).toBe('198.51.100.8');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '  ' }), 1)).toBe('unknown');
    expect(clientAddress(new Headers(), 1)).toBe('unknown');
  });
});
