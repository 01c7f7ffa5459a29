import { z } from 'zod';
import { SPECIFICATION_CATEGORIES } from './model';

export const specificationFieldsSchema = z.object({
  title: z.string().trim().min(1, { message: 'required' }).max(300, { message: 'tooLong' }),
  body: z.string().max(100_000, { message: 'tooLong' }).default(''),
  category: z.enum(SPECIFICATION_CATEGORIES, { message: 'invalid' }),
});

export type SpecificationFields = z.output<typeof specificationFieldsSchema>;
