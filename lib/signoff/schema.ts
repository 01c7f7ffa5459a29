/** Input shapes of the sign-off actions (zod), shared by the actions and their tests. Pure. */
import { z } from 'zod';
import { projectKeySchema } from '@/lib/projects/schemas';
import { APPROVAL_DECISIONS, DELIVERABLE_KINDS, RACI_ROLES } from './model';

const text = (max: number) => z.string().trim().max(max, { message: 'tooLong' });
const uuid = z.uuid({ message: 'invalid' });

export const inProject = z.object({ projectKey: projectKeySchema });

/** What every signature carries: the password re-entered, and the version and hash the signer was shown. */
export const signatureFields = {
  password: z.string().min(1, { message: 'required' }).max(256, { message: 'tooLong' }),
  shownVersion: z.coerce.number().int().min(0).max(2_147_483_647),
  shownHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'invalid' }),
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
  // One checkbox ticked sends one value, several an array.
  specificationIds: z
    .union([uuid, z.array(uuid).max(2000, { message: 'tooLong' })])
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])])),
});

export const requestInput = inProject.extend({
  baselineId: uuid,
  message: text(5000).default(''),
});

/** A Responsable asks for the approval of a closed campaign's report. */
export const campaignReportRequestInput = inProject.extend({
  campaignId: uuid,
  message: text(5000).default(''),
});

/** A comment is on the whole deliverable, or on one of its items (a specification or a requirement, by id). */
export const commentInput = inProject
  .extend({
    requestId: uuid,
    targetType: z.union([z.literal(''), z.enum(['specification', 'requirement'])]).optional(),
    targetId: z.union([z.literal(''), uuid]).optional(),
    body: text(5000).min(1, { message: 'required' }),
  })
  .superRefine((input, ctx) => {
    if (!input.targetType !== !input.targetId) ctx.addIssue({ code: 'custom', path: ['targetId'], message: 'invalid' });
  })
  .transform(({ targetType, targetId, ...rest }) => ({ ...rest, itemKey: targetType && targetId ? `${targetType}:${targetId}` : null }));

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
  signatureId: uuid,
  reason: text(2000).min(1, { message: 'reasonRequired' }),
  password: signatureFields.password,
});
