import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findEvidenceTarget, toAttachmentView, type EvidenceTarget } from '@/db/queries/attachments';
import { attachments } from '@/db/schema';
import { projectUploadRoute } from '@/lib/actions/define-route';
import { ActionError } from '@/lib/actions/result';
import { MAX_EVIDENCE_BYTES, checkEvidence, cleanFileName, type EvidenceRefusal } from '@/lib/recette/evidence-content';
import { getStorage } from '@/lib/storage/select-storage';
import { attachmentKey } from '@/lib/storage/storage';

const REFUSAL_KEYS: Record<EvidenceRefusal, string> = {
  empty: 'evidenceEmpty',
  tooBig: 'evidenceTooBig',
  forbiddenType: 'evidenceForbiddenType',
  unknownType: 'evidenceUnknownType',
};

const fields = z
  .object({
    executionId: z.uuid().optional(),
    stepIndex: z.coerce.number().int().min(0).max(10_000).optional(),
    anomalyId: z.uuid().optional(),
  })
  .refine((f) => (f.executionId === undefined) !== (f.anomalyId === undefined) && (f.stepIndex === undefined || f.executionId !== undefined), {
    message: 'evidenceTarget',
    path: ['executionId'],
  });

/** The refusals that depend on the target, checked before storing and again under lock in the transaction. */
function checkTarget(found: Awaited<ReturnType<typeof findEvidenceTarget>>, target: EvidenceTarget) {
  if (!found) throw new ActionError('not_found');
  if (found.closed) throw new ActionError('forbidden', 'evidenceClosed');
  if ('stepIndex' in target && target.stepIndex !== undefined && target.stepIndex >= (found.stepCount ?? 0)) {
    throw new ActionError('invalid', 'invalid', { stepIndex: ['stepIndex'] });
  }
}

/**
 * Attaches one file (screenshot, log…) to an execution, one of its steps, or an anomaly. The bytes are checked
 * (type from the content, size), stored, then the row and its audit entry are written; if that transaction fails the
 * stored object is removed again, so a refused or failed upload leaves nothing behind.
 */
export const POST = projectUploadRoute({
  name: 'uploadAttachment',
  permission: 'tests.execute',
  fields,
  maxFileBytes: MAX_EVIDENCE_BYTES,
  tooBigKey: REFUSAL_KEYS.tooBig,
  async handler({ db, actor, membership, fields: input, file, write }) {
    const target: EvidenceTarget = input.anomalyId
      ? { anomalyId: input.anomalyId }
      : { executionId: input.executionId!, ...(input.stepIndex !== undefined && { stepIndex: input.stepIndex }) };
    checkTarget(await findEvidenceTarget(db, membership.projectId, target), target);

    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = cleanFileName(file.name);
    const checked = checkEvidence(bytes, fileName);
    if (!checked.ok) throw new ActionError('invalid', REFUSAL_KEYS[checked.reason]);

    const id = randomUUID();
    const storageKey = attachmentKey(membership.projectId, id);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storage = getStorage();
    await storage.put(storageKey, bytes, checked.contentType);
    try {
      const row = await write(async (tx, audit) => {
        checkTarget(await findEvidenceTarget(tx, membership.projectId, target, true), target);
        const described = {
          executionId: 'executionId' in target ? target.executionId : null,
          stepIndex: 'executionId' in target ? (target.stepIndex ?? null) : null,
          anomalyId: 'anomalyId' in target ? target.anomalyId : null,
          fileName,
          contentType: checked.contentType,
          byteSize: bytes.length,
          sha256,
        };
        const [inserted] = await tx
          .insert(attachments)
          .values({ id, projectId: membership.projectId, storageKey, uploadedBy: actor.id, ...described })
          .returning();
        await audit({ entity: 'attachment', entityId: id, action: 'create', after: described });
        return inserted!;
      });
      return toAttachmentView(row);
    } catch (error) {
      await storage.delete(storageKey).catch((cleanup) => console.error('[route uploadAttachment] orphaned object', storageKey, cleanup));
      throw error;
    }
  },
});
