import { z } from 'zod';
import { PROJECT_ROLES } from '@/lib/auth/roles';

/** Short, stable, used in refs and URLs: `PAIE`, `ERP2`. */
export const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

export const projectKeySchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(PROJECT_KEY_PATTERN, { message: 'project.keyFormat' }));

const text = (max: number) => z.string().trim().max(max, { message: 'tooLong' });

export const projectFieldsSchema = z.object({
  name: text(200).min(1, { message: 'required' }),
  client: text(200).min(1, { message: 'required' }),
  description: text(5000).default(''),
});

export const versionSchema = z.coerce.number().int().positive();

export const projectRoleSchema = z.enum(PROJECT_ROLES, { message: 'member.role' });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'tooLong' })
  .pipe(z.email({ message: 'email' }));

export const personNameSchema = text(120).min(1, { message: 'required' });
