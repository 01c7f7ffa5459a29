import { describe, expect, test } from 'vitest';
import {
  PROJECT_KEY_PATTERN,
  emailSchema,
  personNameSchema,
  projectFieldsSchema,
  projectKeySchema,
  projectRoleSchema,
  versionSchema,
} from './schemas';

function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

describe('projectKeySchema', () => {
  test.each([
    ['PAIE', 'PAIE'],
    ['paie', 'PAIE'],
    ['  erp2 ', 'ERP2'],
    ['AB', 'AB'],
    ['ABCDEFGHIJ', 'ABCDEFGHIJ'],
  ])('%j → %j', (input, expected) => {
    expect(projectKeySchema.parse(input)).toBe(expected);
  });

  test.each(['', 'P', '1ABC', 'ABCDEFGHIJK', 'PA-IE', 'PA IE', 'PAIÉ', '../x', 'A_B'])('refuses %j with the key message', (input) => {
    const result = projectKeySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toEqual(['project.keyFormat']);
  });

  test('refuses what is not a string', () => {
    expect(projectKeySchema.safeParse(12).success).toBe(false);
    expect(projectKeySchema.safeParse(undefined).success).toBe(false);
  });

  test('the pattern is anchored', () => {
    expect(PROJECT_KEY_PATTERN.test('xPAIE')).toBe(false);
    expect(PROJECT_KEY_PATTERN.test('PAIE\n')).toBe(false);
  });
});

describe('emailSchema', () => {
  test('trims and lowercases', () => {
    expect(emailSchema.parse('  Claire.Martin@Example.COM ')).toBe('claire.martin@example.com');
  });

  test.each(['', 'not-an-email', 'a@', '@b.fr', 'a b@c.fr'])('refuses %j', (input) => {
    const result = emailSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toContain('email');
  });

  test('refuses addresses longer than 254 characters', () => {
    const result = emailSchema.safeParse(`${'a'.repeat(250)}@b.fr`);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toContain('tooLong');
  });
});

describe('projectFieldsSchema', () => {
  test('trims, requires name and client, defaults the description', () => {
    expect(projectFieldsSchema.parse({ name: ' Paie ', client: ' Groupe ' })).toEqual({
      name: 'Paie',
      client: 'Groupe',
      description: '',
    });
  });

  test('blank name or client is "required"', () => {
    const result = projectFieldsSchema.safeParse({ name: '   ', client: '' });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(byField).toEqual({ name: 'required', client: 'required' });
  });

  test('long texts are refused, not truncated', () => {
    expect(projectFieldsSchema.safeParse({ name: 'x'.repeat(201), client: 'c' }).success).toBe(false);
    expect(projectFieldsSchema.safeParse({ name: 'n', client: 'c', description: 'd'.repeat(5001) }).success).toBe(false);
    expect(projectFieldsSchema.safeParse({ name: 'n', client: 'c', description: 'd'.repeat(5000) }).success).toBe(true);
  });
});

describe('versionSchema', () => {
  test('coerces FormData strings to integers', () => {
    expect(versionSchema.parse('3')).toBe(3);
    expect(versionSchema.parse(7)).toBe(7);
  });

  test.each(['0', '-1', '1.5', 'abc', ''])('refuses %j', (input) => {
    expect(versionSchema.safeParse(input).success).toBe(false);
  });
});

describe('projectRoleSchema and personNameSchema', () => {
  test('roles are the five project roles', () => {
    for (const role of ['owner', 'amoe', 'amoa', 'moa', 'viewer']) expect(projectRoleSchema.parse(role)).toBe(role);
    const result = projectRoleSchema.safeParse('admin');
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toEqual(['member.role']);
  });

  test('a name is trimmed and required', () => {
    expect(personNameSchema.parse('  Sophie ')).toBe('Sophie');
    expect(messagesOf(personNameSchema.safeParse('  '))).toEqual(['required']);
  });
});
