import { z } from 'zod';
import type { VersionRule } from '@/lib/versioning/save';
import { tagsInputSchema } from '@/lib/text/tags';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import { REQUIREMENT_CONTENT_FIELDS, REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES } from './model';

export const requirementFieldsSchema = z.object({
  title: versionedLine(300).pipe(z.string().min(1, { message: 'required' })),
  statement: versionedText(20_000).default(''),
  rationale: versionedText(10_000).default(''),
  acceptanceCriteria: versionedText(20_000).default(''),
  priority: z.enum(REQUIREMENT_PRIORITIES, { message: 'invalid' }),
  status: z.enum(REQUIREMENT_STATUSES, { message: 'invalid' }).default('draft'),
  source: versionedLine(300).default(''),
  tags: tagsInputSchema.default([]),
  parentId: z
    .union([z.uuid(), z.literal('')])
    .optional()
    .transform((value) => value || null),
});

export type RequirementFields = z.output<typeof requirementFieldsSchema>;

/** Requirements follow the shared save rule; a status change alone keeps the content version. */
export const requirementVersionRule: VersionRule<RequirementFields> = {
  fields: REQUIREMENT_CONTENT_FIELDS,
  versionFields: REQUIREMENT_CONTENT_FIELDS.filter((field) => field !== 'status'),
};

/** The versioned content of a requirement, from a row or an input: what history, redlines and saves compare. */
export function requirementSnapshot(row: RequirementFields): RequirementFields {
  return {
    title: row.title,
    statement: row.statement,
    rationale: row.rationale,
    acceptanceCriteria: row.acceptanceCriteria,
    priority: row.priority,
    status: row.status,
    source: row.source,
    tags: row.tags,
    parentId: row.parentId,
  };
}
