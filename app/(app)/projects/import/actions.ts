'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { importProjectArchive } from '@/db/queries/project-archive/import';
import { userAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { ARCHIVE_LIMITS } from '@/lib/project-archive/format';
import { ArchiveRefusal } from '@/lib/project-archive/refusal';
import { projectKeySchema } from '@/lib/projects/schemas';
import { getStorage } from '@/lib/storage/select-storage';

/**
 * A project archive (from "Exporter le projet" on any instance) as a new project owned by whoever imports it, under
 * the instance policy for creating projects. All or nothing: a refused archive writes nothing and says why.
 */
export const importProject = userAction({
  name: 'importProject',
  input: z.object({
    key: projectKeySchema,
    name: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'tooLong' }),
    archive: z.instanceof(File, { message: 'invalid' }),
  }),
  async handler({ tx, actor, input, audit }) {
    // The announced size is checked before a byte is read, so an oversized upload costs nothing.
    if (input.archive.size > ARCHIVE_LIMITS.maxUploadBytes) throw new ActionError('invalid', 'projectArchive.tooBig', { archive: ['invalid'] });
    const bytes = new Uint8Array(await input.archive.arrayBuffer());
    try {
      return await importProjectArchive(tx, { actor, key: input.key, name: input.name, bytes, storage: getStorage(), audit });
    } catch (error) {
      if (error instanceof ArchiveRefusal) {
        throw new ActionError('invalid', `projectArchive.${error.reason}`, { archive: ['invalid'] }, { detail: error.detail.slice(0, 300) });
      }
      throw error;
    }
  },
  after() {
    revalidatePath('/projects');
  },
});
