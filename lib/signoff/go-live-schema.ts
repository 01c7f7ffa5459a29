/** Input shapes of the go-live and recette définitive actions (zod). Pure. */
import { z } from 'zod';
import { parisLocalToInstant } from '@/lib/i18n/paris-time';
import { versionedLine, versionedText } from '@/lib/versioning/text';
import { DEFAULT_VSR_DAYS, FINAL_DECISIONS, MAX_VSR_DAYS } from './go-live';

/** A Paris date-time typed in a `datetime-local` field, as an instant. */
const parisDateTime = z.string().transform((v, ctx) => {
  const instant = parisLocalToInstant(v);
  if (!instant) {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  }
  return instant;
});

/** One value or several, from a form: one field sends a string, repeated fields an array. */
function list<T extends z.ZodType>(item: T, max: number) {
  return z.union([z.array(item).max(max, { message: 'tooLong' }), item.transform((v) => [v])]);
}

const vsrDays = z.coerce.number({ message: 'invalid' }).int({ message: 'invalid' }).min(1, { message: 'invalid' }).max(MAX_VSR_DAYS, { message: 'invalid' });

export const goLiveShape = {
  deployedAt: parisDateTime,
  versionDeployed: versionedLine(60).pipe(z.string().min(1, { message: 'required' })),
  deployedBy: versionedLine(200).pipe(z.string().min(1, { message: 'required' })),
  /** The runbook's steps, and in the same order when each was executed (empty: not executed). */
  runbookLabels: list(versionedLine(200), 50).default([]),
  runbookDoneAt: list(z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'invalid' })]), 50).default([]),
  rollback: versionedText(2_000).default(''),
  vsrDays: vsrDays.default(DEFAULT_VSR_DAYS),
};

export const finalDecisionShape = {
  decision: z.enum(FINAL_DECISIONS, { message: 'invalid' }),
  reason: versionedText(2_000).default(''),
  newPeriodDays: z
    .union([z.literal(''), vsrDays])
    .nullish()
    .transform((v) => (v === '' || v === undefined || v === null ? null : v)),
};
