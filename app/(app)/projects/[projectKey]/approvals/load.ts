import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findApprovalRequest } from '@/db/queries/approvals';
import { findBaseline } from '@/db/queries/baselines';
import { requireProjectMembership } from '@/db/queries/project-access';
import { requireUser } from '@/lib/session/current-user';

/** A numbered segment of the URL (a request or baseline number), or Next's 404. */
function numberOf(segment: string): number {
  if (!/^\d{1,9}$/.test(segment)) notFound();
  return Number(segment);
}

export async function loadRequestPage(projectKey: string, segment: string) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const request = await findApprovalRequest(getDb(), membership.projectId, { number: numberOf(segment) });
  if (!request) notFound();
  return { user, membership, request };
}

export async function loadBaselinePage(projectKey: string, segment: string) {
  const user = await requireUser();
  const membership = await requireProjectMembership(user, projectKey);
  const baseline = await findBaseline(getDb(), membership.projectId, numberOf(segment));
  if (!baseline) notFound();
  return { user, membership, baseline };
}
