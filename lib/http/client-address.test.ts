import { describe, expect, test } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  test('takes the first X-Forwarded-For hop', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': ' 198.51.100.7 , 10.0.0.1' }))).toBe('198.51.100.7');
  });

  test('falls back to X-Real-IP, then to "unknown"', () => {
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.8' }))).toBe('198.51.100.8');
    expect(clientAddress(new Headers({ 'x-forwarded-for': '  ' }))).toBe('unknown');
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});
