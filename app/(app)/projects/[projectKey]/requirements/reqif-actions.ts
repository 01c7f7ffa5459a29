'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { applyReqifImport, findPendingUpload, markUploadImported } from '@/db/queries/reqif';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { readReqifUpload } from '@/lib/interop/reqif/archive';
import { ReqifError } from '@/lib/interop/reqif/errors';
import { CONFLICT_CHOICES } from '@/lib/interop/reqif/plan';
import { importSource } from '@/lib/interop/reqif/preview';
import { projectKeySchema } from '@/lib/projects/schemas';

const importInput = z.object({
  projectKey: projectKeySchema,
  uploadId: z.uuid(),
  /** One choice per conflict, by ReqIF identifier; a conflict without one is skipped. */
  decisions: z
    .array(z.object({ identifier: z.string().min(1).max(500), choice: z.enum(CONFLICT_CHOICES) }))
    .max(100_000)
    .default([]),
});

/**
 * Imports a previewed ReqIF upload in one transaction: new requirements, new versions of the matched ones (which
 * makes their downstream links suspect), the SPEC-RELATIONs between them, a journal row per requirement and one
 * for the import. The same upload cannot be imported twice; nothing of the project is ever deleted.
 */
export const importReqif = projectAction({
  name: 'importReqif',
  permission: 'requirements.write',
  input: importInput,
  async handler({ tx, actor, input, membership, audit }) {
    const upload = await findPendingUpload(tx, membership.projectId, input.uploadId);
    if (!upload) throw new ActionError('not_found');
    if (upload.importedAt) throw new ActionError('conflict', 'reqifAlreadyImported');
    let doc;
    try {
      doc = readReqifUpload(upload.fileName, new Uint8Array(upload.content));
    } catch (error) {
      if (error instanceof ReqifError) throw new ActionError('invalid', 'reqifRefused');
      throw error;
    }
    const decisions = new Map(input.decisions.map((d) => [d.identifier, d.choice]));
    const { plan, summary } = await applyReqifImport(tx, {
      projectId: membership.projectId,
      actorId: actor.id,
      doc,
      decisions,
      source: importSource(doc, upload.fileName),
    });
    await markUploadImported(tx, upload.id);
    await audit({
      entity: 'reqifImport',
      entityId: upload.id,
      action: 'import',
      // The upload goes from previewed to imported; the project's requirements and counter are journaled per row.
      before: { fileName: upload.fileName, importedAt: null },
      after: { fileName: upload.fileName, counts: plan.counts, ...summary, updatedIdentifiers: summary.updatedIdentifiers.length },
    });
    return {
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      skipped: summary.skipped,
      relations: summary.relations,
    };
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
