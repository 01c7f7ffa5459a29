import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: 'password.tooShort' })
  .max(PASSWORD_MAX_LENGTH, { message: 'password.tooLong' });
