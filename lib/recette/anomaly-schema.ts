import { z } from 'zod';
import type { ProjectRole } from '@/lib/auth/roles';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import { ANOMALY_PRIORITIES, ANOMALY_SEVERITIES, ANOMALY_STATUSES, type AnomalyStatus } from './anomaly-model';

/** A checkbox sends "on" when ticked and nothing when not; code sends a boolean. */
const checkbox = z
  .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/** A select's "none" arrives as an empty string: that is null, not an invalid id. */
export const optionalId = z
  .union([z.literal(''), z.null(), z.uuid({ message: 'invalid' })])
  .optional()
  .transform((v) => v || null);

/** The describing texts: what the reporter may still edit while the anomaly is new. */
export const ANOMALY_TEXT_FIELDS = ['title', 'stepsToReproduce', 'expectedResult', 'actualResult'] as const;

/** The fields a person edits on the anomaly form (the status, assignee and links have their own actions). */
export const ANOMALY_FIELDS = [
  ...ANOMALY_TEXT_FIELDS,
  'severity',
  'priority',
  'fixVersion',
  'environment',
  'build',
  'production',
  'campaignId',
  'testCaseId',
] as const;
export type AnomalyField = (typeof ANOMALY_FIELDS)[number];

export const anomalyShape = {
  title: versionedLine(300).pipe(z.string().min(1, { message: 'required' })),
  stepsToReproduce: versionedText(10_000).default(''),
  expectedResult: versionedText(10_000).default(''),
  actualResult: versionedText(10_000).default(''),
  severity: z.enum(ANOMALY_SEVERITIES, { message: 'invalid' }),
  priority: z.enum(ANOMALY_PRIORITIES, { message: 'invalid' }).default('medium'),
  fixVersion: versionedLine(100).default(''),
  environment: versionedLine(200).default(''),
  build: versionedLine(200).default(''),
  production: checkbox,
  campaignId: optionalId,
  testCaseId: optionalId,
};

export type AnomalyFields = z.output<z.ZodObject<typeof anomalyShape>>;

/**
 * What a person may edit on an anomaly: the team that handles it (owner, AMOE) everything; whoever reported it only
 * its describing texts, and only while nobody has started on it (status nouvelle); anyone else nothing.
 */
export function editableAnomalyFields(role: ProjectRole, isReporter: boolean, status: AnomalyStatus): 'all' | 'text' | 'none' {
  if (role === 'owner' || role === 'amoe') return 'all';
  if (isReporter && status === 'new' && role !== 'viewer') return 'text';
  return 'none';
}

/** The fields whose value differs between two snapshots, in form order. */
export function changedAnomalyFields(before: AnomalyFields, after: AnomalyFields): AnomalyField[] {
  return ANOMALY_FIELDS.filter((field) => before[field] !== after[field]);
}

const optionalText = z
  .string()
  .trim()
  .max(300)
  .transform((v) => v || undefined)
  .optional()
  .catch(undefined);

/** The list's filters from its URL. Anything malformed is ignored rather than an error: a hand-edited link still shows a list. */
export const anomalyListSearchSchema = z.object({
  q: optionalText,
  severity: z.enum(ANOMALY_SEVERITIES).optional().catch(undefined),
  status: z.enum([...ANOMALY_STATUSES, 'open'] as const).optional().catch(undefined),
  campaign: z.uuid().optional().catch(undefined),
  /** A member's id, or `none` for the unassigned ones. */
  assignee: z.union([z.uuid(), z.literal('none')]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined),
});
export type AnomalyListSearch = z.output<typeof anomalyListSearchSchema>;

export function parseAnomalyListSearch(params: Record<string, string | string[] | undefined>): AnomalyListSearch {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return anomalyListSearchSchema.parse(single);
}
