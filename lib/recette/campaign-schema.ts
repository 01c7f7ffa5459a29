import { z } from 'zod';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import { CAMPAIGN_TYPES } from './campaign-model';

/** A date field of a form: "YYYY-MM-DD", or empty for none. Calendar dates only (2026-02-30 is refused). */
const plannedDate = z
  .union([z.iso.date(), z.literal(''), z.null()], { message: 'invalid' })
  .optional()
  .refine((v) => !v || isCalendarDate(v), { message: 'invalid' })
  .transform((v) => v || null);

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The fields of a campaign; actions extend this shape with their project key, id and revision. */
export const campaignShape = {
  name: versionedLine(200).pipe(z.string().min(1, { message: 'required' })),
  type: z.enum(CAMPAIGN_TYPES, { message: 'invalid' }),
  environment: versionedLine(200).default(''),
  build: versionedLine(200).default(''),
  description: versionedText(10_000).default(''),
  plannedStart: plannedDate,
  plannedEnd: plannedDate,
};

export interface CampaignFields {
  name: string;
  type: (typeof CAMPAIGN_TYPES)[number];
  environment: string;
  build: string;
  description: string;
  plannedStart: string | null;
  plannedEnd: string | null;
}

/** Rules across fields: a planned end before the planned start is refused on the end field. */
export function campaignFieldErrors(fields: CampaignFields): Record<string, string[]> | undefined {
  if (fields.plannedStart && fields.plannedEnd && fields.plannedEnd < fields.plannedStart) {
    return { plannedEnd: ['campaign.endBeforeStart'] };
  }
  return undefined;
}

/** "Non exécuté" needs its reason (trimmed, one to 2,000 characters). */
export const notRunReasonSchema = versionedText(2_000).pipe(z.string().trim().min(1, { message: 'reasonRequired' }));
