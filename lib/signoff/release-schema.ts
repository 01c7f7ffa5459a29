import { z } from 'zod';
import { isCalendarDate } from '@/lib/recette/campaign-schema';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import { CHECKLIST_STATUSES, DECISIONS } from './readiness-model';

/** A list of ids from a form: one checkbox ticked sends one id, several send an array. */
function idList(max: number, min = 0, minMessage = 'required') {
  const list = z.array(z.uuid()).min(min, { message: minMessage }).max(max, { message: 'tooLong' });
  return z.union([z.uuid().transform((id) => [id]), list]).pipe(list);
}

/** The fields of a release; actions extend this shape with their project key, id and revision. */
export const releaseShape = {
  name: versionedLine(200).pipe(z.string().min(1, { message: 'required' })),
  version: versionedLine(60).default(''),
  targetDate: z
    .union([z.iso.date(), z.literal(''), z.null()], { message: 'invalid' })
    .optional()
    .refine((v) => !v || isCalendarDate(v), { message: 'invalid' })
    .transform((v) => v || null),
  scope: versionedText(5_000).default(''),
  campaignIds: idList(50).default([]),
};

export interface ReleaseFields {
  name: string;
  version: string;
  targetDate: string | null;
  scope: string;
}

/** An evidence link: a web address (http or https only, so no script can hide in it), or nothing. */
export const evidenceUrlSchema = z
  .string()
  .trim()
  .max(500, { message: 'tooLong' })
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'readiness.evidenceUrl' })
  .default('');

export const checklistShape = {
  label: versionedLine(200).pipe(z.string().min(1, { message: 'required' })),
  ownerId: z.union([z.uuid(), z.literal(''), z.null()]).optional().transform((v) => v || null),
  status: z.enum(CHECKLIST_STATUSES, { message: 'invalid' }).default('todo'),
  evidenceUrl: evidenceUrlSchema,
};

export const thresholdShape = {
  maxBlocking: z.coerce.number().int({ message: 'invalid' }).min(0, { message: 'invalid' }).max(1000, { message: 'invalid' }),
  maxMajor: z.coerce.number().int({ message: 'invalid' }).min(0, { message: 'invalid' }).max(1000, { message: 'invalid' }),
};

export const goNoGoShape = {
  decision: z.enum(DECISIONS, { message: 'invalid' }),
  /** The decision the page proposed when the person filled the form in: if it moved since, the record is refused. */
  proposedDecision: z.enum(DECISIONS, { message: 'invalid' }),
  reason: versionedText(5_000).default(''),
  participantIds: idList(50, 1, 'readiness.participantsRequired'),
};

/** A decision that departs from the proposal needs its reason. */
export function goNoGoFieldErrors(input: { decision: string; proposedDecision: string; reason: string }): Record<string, string[]> | undefined {
  if (input.decision !== input.proposedDecision && input.reason.trim() === '') return { reason: ['readiness.reasonRequired'] };
  return undefined;
}
