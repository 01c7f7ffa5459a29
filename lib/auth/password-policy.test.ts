import { describe, expect, test } from 'vitest';
import { PASSWORD_MIN_LENGTH } from './password-policy';
import { passwordSchema } from './password-schema';

describe('password policy (NIST SP 800-63B)', () => {
  test('8 characters minimum', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    const short = passwordSchema.safeParse('1234567');
    expect(short.success).toBe(false);
    expect(short.error?.issues.map((i) => i.message)).toEqual(['password.tooShort']);
    expect(passwordSchema.safeParse('12345678').success).toBe(true);
  });

  test('no composition rules', () => {
    expect(passwordSchema.safeParse('aaaaaaaa').success).toBe(true);
    expect(passwordSchema.safeParse('        ').success).toBe(true);
  });

  test('long passphrases (64 characters and more) are accepted, unicode included', () => {
    expect(passwordSchema.safeParse('x'.repeat(64)).success).toBe(true);
    expect(passwordSchema.safeParse('mot de passe très long à la française, avec des accents ✓ '.repeat(3)).success).toBe(true);
  });

  test('an absurd length is refused (hashing cost)', () => {
    const result = passwordSchema.safeParse('x'.repeat(10_000));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['password.tooLong']);
  });
});
