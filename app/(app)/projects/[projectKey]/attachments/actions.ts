'use server';

import { eq } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findAttachment } from '@/db/queries/attachments';
import { attachments } from '@/db/schema';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { projectKeySchema } from '@/lib/projects/schemas';
import { getStorage } from '@/lib/storage/select-storage';

/** The storage key of each committed removal, for its follow-up only: the answer to the browser never carries it. */
const removedKeys = new WeakMap<object, string>();

/**
 * Removes a piece of evidence: its author or the project owner may, while the execution's campaign is not closed
 * (a closed campaign's record stays as it was signed off). The row goes in the transaction; the bytes after the
 * commit, so a failed transaction never leaves a row pointing at nothing.
 */
export const removeAttachment = projectAction({
  name: 'removeAttachment',
  permission: 'tests.execute',
  input: z.object({ projectKey: projectKeySchema, attachmentId: z.uuid() }),
  async handler({ tx, actor, input, membership, audit }) {
    const row = await findAttachment(tx, membership.projectId, input.attachmentId, true);
    if (!row) throw new ActionError('not_found');
    if (row.uploadedBy !== actor.id && membership.role !== 'owner') throw new ActionError('forbidden', 'evidenceRemoveForbidden');
    if (row.campaignStatus === 'closed') throw new ActionError('forbidden', 'evidenceClosed');
    await tx.delete(attachments).where(eq(attachments.id, row.id));
    await audit({
      entity: 'attachment',
      entityId: row.id,
      action: 'delete',
      before: {
        executionId: row.executionId,
        stepIndex: row.stepIndex,
        anomalyId: row.anomalyId,
        fileName: row.fileName,
        contentType: row.contentType,
        byteSize: row.byteSize,
        sha256: row.sha256,
      },
    });
    const result = { id: row.id };
    removedKeys.set(result, row.storageKey);
    return result;
  },
  async after(data, input) {
    const key = removedKeys.get(data)!;
    try {
      await getStorage().delete(key);
    } catch (error) {
      // The row is gone, so nothing points at the object any more: a leftover only costs space, and is logged.
      console.error('[action removeAttachment] could not delete the object', key, error);
    }
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
