import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findGoNoGoRecord, recordContent } from '@/db/queries/readiness';
import { contentHash } from '@/lib/signoff/canonical';
import { loadRelease } from '../load';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A go / no-go record of the release, with its content rebuilt from what is stored and checked against its hash. */
export async function loadGoNoGoRecord(projectKey: string, number: string, recordId: string) {
  const { membership, release } = await loadRelease(projectKey, number);
  if (!UUID.test(recordId)) notFound();
  const record = await findGoNoGoRecord(getDb(), membership.projectId, recordId);
  if (!record || record.releaseId !== release.id) notFound();
  const content = recordContent(record);
  return { membership, release, record, content, intact: contentHash(content) === record.snapshotHash };
}
