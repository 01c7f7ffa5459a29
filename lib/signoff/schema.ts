/** Input shapes of the sign-off actions (zod), shared by the actions and their tests. Pure. */
import { z } from 'zod';
import { projectKeySchema } from '@/lib/projects/schemas';
import { APPROVAL_DECISIONS, DELIVERABLE_KINDS, RACI_ROLES } from './model';

const text = (max: number) => z.string().trim().max(max, { message: 'tooLong' });
const uuid = z.uuid({ message: 'invalid' });

/** Several ids from a form (repeated fields, or one comma-separated value) or from code (an array). */
export const idList = (max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(uuid).max(max, { message: 'tooLong' }))
    .transform((ids) => [...new Set(ids)]);

export const inProject = z.object({ projectKey: projectKeySchema });

/** What every signature carries: the password re-entered, and the version and hash the signer was shown. */
export const signatureFields = {
  password: z.string().min(1, { message: 'required' }).max(256, { message: 'tooLong' }),
  seenVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  seenHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'invalid' }),
};

export const raciInput = inProject.extend({
  deliverable: z.enum(DELIVERABLE_KINDS),
  /** The settings' revision the owner saw (0: never set). */
  revision: z.coerce.number().int().min(0).max(2_147_483_647),
  quorum: z
    .union([z.literal(''), z.coerce.number().int().min(1).max(100)])
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v)),
  assignments: z.array(z.object({ userId: uuid, raciRole: z.enum(RACI_ROLES) })).max(500, { message: 'tooLong' }),
});

export const baselineInput = inProject.extend({
  name: text(200).min(1, { message: 'required' }),
  specificationIds: idList(2000),
});

export const requestInput = inProject.extend({
  baselineId: uuid,
  message: text(5000).default(''),
});

/** `specification:<uuid>` or `requirement:<uuid>`: an item of what is reviewed; empty for the whole deliverable. */
export const itemKeySchema = z
  .union([z.literal(''), z.string().regex(/^(specification|requirement):[0-9a-f-]{36}$/, { message: 'invalid' })])
  .optional()
  .transform((v) => (v ? v : null));

export const commentInput = inProject.extend({
  requestId: uuid,
  itemKey: itemKeySchema,
  body: text(5000).min(1, { message: 'required' }),
});

const isoDate = z.iso.date({ message: 'invalid' });

export const reservationShape = z.object({
  text: text(2000).min(1, { message: 'required' }),
  ownerId: uuid,
  dueDate: isoDate,
  anomalyIds: z.array(uuid).max(50, { message: 'tooLong' }).default([]),
});

export const decisionInput = inProject
  .extend({
    requestId: uuid,
    decision: z.enum(APPROVAL_DECISIONS),
    reason: text(2000).default(''),
    reservations: z.array(reservationShape).max(20, { message: 'tooLong' }).default([]),
    ...signatureFields,
  })
  .superRefine((input, ctx) => {
    if (input.decision !== 'approved' && input.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonRequired' });
    if (input.decision === 'approved_with_reservations' && input.reservations.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reservations'], message: 'reservationRequired' });
    }
    if (input.decision !== 'approved_with_reservations' && input.reservations.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['reservations'], message: 'invalid' });
    }
  });

export const liftInput = inProject.extend({
  reservationId: uuid,
  reason: text(2000).default(''),
  ...signatureFields,
});

export const revokeInput = inProject.extend({
  signatureId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  reason: text(2000).min(1, { message: 'reasonRequired' }),
  password: signatureFields.password,
});
