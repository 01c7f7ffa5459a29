import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { resolveAuthSecret } from './secret';

let dataDir: string;

beforeEach(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-secret-')), 'nested', '.data');
});

afterEach(() => {
  fs.rmSync(path.dirname(path.dirname(dataDir)), { recursive: true, force: true });
});

describe('resolveAuthSecret', () => {
  test('an explicit AUTH_SECRET wins and nothing is written', () => {
    expect(resolveAuthSecret({ env: { AUTH_SECRET: 'from-env', NODE_ENV: 'production', DATABASE_URL: 'postgres://x' }, dataDir })).toBe(
      'from-env',
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  test('production on PostgreSQL without a secret refuses to start', () => {
    expect(() => resolveAuthSecret({ env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app' }, dataDir })).toThrow(/AUTH_SECRET/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  test('`next build` needs no secret', () => {
    expect(
      resolveAuthSecret({ env: { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/app', NEXT_PHASE: 'phase-production-build' }, dataDir }),
    ).toBeUndefined();
  });

  test('the embedded default generates a strong secret into the data folder, readable by the owner only', () => {
    const secret = resolveAuthSecret({ env: { NODE_ENV: 'production' }, dataDir });
    expect(secret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const file = path.join(dataDir, 'auth-secret');
    expect(fs.readFileSync(file, 'utf8')).toBe(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('the generated secret is reused on the next start (sessions survive a restart)', () => {
    const first = resolveAuthSecret({ env: {}, dataDir });
    const second = resolveAuthSecret({ env: {}, dataDir });
    expect(second).toBe(first);
  });

  test('two data folders get two different secrets', () => {
    const other = `${dataDir}-other`;
    const a = resolveAuthSecret({ env: {}, dataDir });
    const b = resolveAuthSecret({ env: {}, dataDir: other });
    expect(a).not.toBe(b);
  });

  test('development against PostgreSQL still works without configuration', () => {
    expect(resolveAuthSecret({ env: { NODE_ENV: 'development', DATABASE_URL: 'postgres://db/app' }, dataDir })).toBeTruthy();
  });
});
