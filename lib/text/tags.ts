import { z } from 'zod';

/**
 * Tags of requirements and test cases: at most 20 of at most 40 characters. The bound is also what keeps a test
 * case's tags within one btree entry of test_cases_project_tags_idx (migration 0028): 20 × 40 characters of 3 UTF-8
 * bytes each, with the array's headers, is ~2.5 kB of the 2,704 bytes an entry may hold.
 */
export const TAGS_MAX = 20;
export const TAG_MAX_LENGTH = 40;

/** Tags as stored: what every writer may put in a tags column, a project archive's rows included. */
export const storedTagsSchema = z
  .array(z.string().max(TAG_MAX_LENGTH, { message: 'tooLong' }))
  .max(TAGS_MAX, { message: 'tooLong' });

/** Tags typed in a form (one comma-separated field) or sent by code (an array): trimmed, lower case, de-duplicated. */
export const tagsInputSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')))
  .transform((tags) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(storedTagsSchema);
