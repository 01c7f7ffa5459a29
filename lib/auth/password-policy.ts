import { z } from 'zod';

/** NIST SP 800-63B: length only, no composition rules; long passphrases welcome. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'password.tooShort' })
  .max(PASSWORD_MAX_LENGTH, { message: 'password.tooLong' });
