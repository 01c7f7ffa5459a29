import { z } from 'zod';
import type { VersionRule } from '@/lib/versioning/save';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_CONTENT_FIELDS, type SpecificationStatus } from './model';

export const specificationFieldsSchema = z.object({
  title: versionedLine(300).pipe(z.string().min(1, { message: 'required' })),
  body: versionedText(100_000).default(''),
  category: z.enum(SPECIFICATION_CATEGORIES, { message: 'invalid' }),
});

export type SpecificationFields = z.output<typeof specificationFieldsSchema>;

/** What a specification version records: its text and the status it had when saved. */
export type SpecificationSnapshot = SpecificationFields & { status: SpecificationStatus };

/** Specifications follow the shared save rule; moving through the review workflow keeps the content version. */
export const specificationVersionRule: VersionRule<SpecificationSnapshot> = {
  fields: SPECIFICATION_CONTENT_FIELDS,
  versionFields: SPECIFICATION_CONTENT_FIELDS.filter((field) => field !== 'status'),
};
