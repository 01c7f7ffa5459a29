'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { importResults, previewResultsImport } from '@/db/queries/results-import';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { RESULT_UPLOAD_LIMITS, type ResultFile } from '@/lib/interop/result-files';
import { projectKeySchema } from '@/lib/projects/schemas';

const MAX_FILES = 50;
const file = z.instanceof(File, { message: 'invalid' });
const files = z.array(file).min(1, { message: 'required' }).max(MAX_FILES, { message: 'tooLong' });
/** A form sends one field per chosen file (an array), or a plain File when only one was chosen. */
const filesField = z.union([file.transform((f) => [f]), files]).pipe(files);
const text = (max: number) => z.string().trim().max(max, { message: 'tooLong' });
const checkbox = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')]).optional().transform((v) => v === true || v === 'on' || v === 'true');

const target = z.object({ projectKey: projectKeySchema, campaignId: z.uuid(), files: filesField });

/** The files' bytes, read only once their announced sizes fit the limit (a 50 MB+ upload is refused unread). */
async function resultFiles(list: readonly File[]): Promise<ResultFile[]> {
  const total = list.reduce((sum, f) => sum + f.size, 0);
  if (total > RESULT_UPLOAD_LIMITS.maxUploadBytes) {
    throw new ActionError('invalid', 'resultsImport.tooBig', undefined, { file: list.find((f) => f.size > RESULT_UPLOAD_LIMITS.maxUploadBytes)?.name ?? '', detail: '' });
  }
  return Promise.all(list.map(async (f) => ({ name: f.name.slice(0, 300), bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/**
 * What importing these files into the campaign would do: matched, unmatched and proposed test cases, measured
 * performance criteria, files refused. Writes nothing.
 */
export const previewCampaignResults = projectAction({
  name: 'previewCampaignResults',
  permission: 'tests.write',
  readOnly: true,
  input: target,
  async handler({ tx, input, membership }) {
    return previewResultsImport(tx, { projectId: membership.projectId, campaignId: input.campaignId, files: await resultFiles(input.files) });
  },
});

/**
 * Imports the files into the campaign in one transaction: one execution per matched test case (JUnit result or
 * performance measurements), with the build and environment given; the proposed automated test cases are created
 * first when asked. A refused file, a closed campaign or any failure writes nothing.
 */
export const importCampaignResults = projectAction({
  name: 'importCampaignResults',
  permission: 'tests.write',
  input: target.extend({ build: text(200).default(''), environment: text(200).default(''), createProposed: checkbox }),
  async handler({ tx, actor, input, membership, locale, audit }) {
    const outcome = await importResults(tx, {
      projectId: membership.projectId,
      campaignId: input.campaignId,
      files: await resultFiles(input.files),
      actorId: actor.id,
      build: input.build,
      environment: input.environment,
      createProposed: input.createProposed,
      locale,
    });
    await audit(outcome.journal);
    const { journal: _journal, ...summary } = outcome;
    return summary;
  },
  after(_data, input) {
    revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
