import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { catalogues as allCatalogues } from '@/messages/catalogues';
import { errorMessage, validationMessage } from './messages';
import type { ActionErrorCode } from './result';

const catalogues = allCatalogues as Record<string, unknown>;

function has(locale: string, key: string): boolean {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

const CODES: Record<ActionErrorCode, true> = {
  unauthenticated: true,
  invalid: true,
  not_found: true,
  forbidden: true,
  conflict: true,
  rate_limited: true,
  server_error: true,
};

/** Message keys used by the server code: `new ActionError(code, 'key', { field: ['key'] })` and zod `message: 'key'`. */
function keysUsedInCode(): { errors: Set<string>; validation: Set<string> } {
  const root = path.resolve(import.meta.dirname, '../..');
  const errors = new Set<string>();
  const validation = new Set<string>();
  for (const dir of ['app', 'lib', 'db']) {
    for (const rel of fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(rel) || /\.test\.tsx?$/.test(rel)) continue;
      const source = fs.readFileSync(path.join(root, dir, rel), 'utf8');
      for (const m of source.matchAll(/new ActionError\(\s*'(\w+)'(?:\s*,\s*'([\w.]+)')?(?:\s*,\s*\{([^}]*)\})?/g)) {
        errors.add(m[1]!);
        if (m[2]) errors.add(m[2]);
        for (const f of (m[3] ?? '').matchAll(/'([\w.]+)'/g)) validation.add(f[1]!);
      }
      for (const m of source.matchAll(/message:\s*'([a-zA-Z][\w]*(?:\.[a-zA-Z]\w*)*)'/g)) validation.add(m[1]!);
    }
  }
  return { errors, validation };
}

describe('action messages', () => {
  const used = keysUsedInCode();

  test('the scan finds the keys the code uses (it is not vacuous)', () => {
    expect(used.errors).toContain('lastOwner');
    expect(used.validation).toContain('password.tooShort');
  });

  test.each(LOCALES)('every error code and error key has a %s message', (locale) => {
    const missing = [...Object.keys(CODES), ...used.errors].filter((key) => !has(locale, `errors.${key}`));
    expect(missing).toEqual([]);
  });

  test.each(LOCALES)('every validation key has a %s message', (locale) => {
    const missing = [...used.validation].filter((key) => !has(locale, `validation.${key}`));
    expect(missing).toEqual([]);
  });

  test('French and English catalogues have the same keys', () => {
    const frKeys = leafKeys(allCatalogues.fr).sort();
    const enKeys = leafKeys(allCatalogues.en).sort();
    expect(enKeys.filter((k) => !frKeys.includes(k))).toEqual([]);
    expect(frKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  test('lookups translate, and fall back instead of showing a raw key', () => {
    expect(errorMessage('fr', 'forbidden')).not.toBe(errorMessage('en', 'forbidden'));
    expect(errorMessage('fr', 'no.such.key')).toBe(errorMessage('fr', 'server_error'));
    expect(validationMessage('en', 'password.tooShort')).not.toBe('password.tooShort');
    // Zod's own localized texts are not keys: they pass through.
    expect(validationMessage('fr', 'Entrée invalide')).toBe('Entrée invalide');
  });
});
