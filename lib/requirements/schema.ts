import { z } from 'zod';
import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from './model';

const longText = (max: number) => z.string().trim().max(max, { message: 'tooLong' });

/** Tags arrive as one comma-separated field from forms, or as an array from code. */
const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')))
  .transform((tags) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.string().max(40, { message: 'tooLong' })).max(20, { message: 'tooLong' }));

export const requirementFieldsSchema = z.object({
  title: longText(300).min(1, { message: 'required' }),
  statement: longText(20_000).default(''),
  rationale: longText(10_000).default(''),
  acceptanceCriteria: longText(20_000).default(''),
  priority: z.enum(REQUIREMENT_PRIORITIES, { message: 'invalid' }),
  status: z.enum(REQUIREMENT_STATUSES, { message: 'invalid' }).default('draft'),
  source: longText(300).default(''),
  tags: tagsSchema.default([]),
  parentId: z
    .union([z.uuid(), z.literal('')])
    .optional()
    .transform((value) => value || null),
});

export type RequirementFields = z.output<typeof requirementFieldsSchema>;
