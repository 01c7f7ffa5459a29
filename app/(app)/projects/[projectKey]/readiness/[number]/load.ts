import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { requireProjectMembership } from '@/db/queries/project-access';
import { findRelease } from '@/db/queries/readiness';
import { requireUser } from '@/lib/session/current-user';

/** The release of the address for a member of its project; anyone else, or a malformed number, gets "not found". */
export const loadRelease = cache(async (projectKey: string, number: string) => {
  const membership = await requireProjectMembership(await requireUser(), projectKey);
  if (!/^\d{1,9}$/.test(number)) notFound();
  const release = await findRelease(getDb(), membership.projectId, Number(number));
  if (!release) notFound();
  return { membership, release };
});
