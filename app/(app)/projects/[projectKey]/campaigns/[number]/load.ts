import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { findCampaign } from '@/db/queries/campaigns';
import { requireProjectMembership } from '@/db/queries/project-access';
import { requireUser } from '@/lib/session/current-user';

/** The campaign a page's URL names (/campaigns/3) in a project the person belongs to; 404 otherwise. */
export async function loadCampaignPage(projectKey: string, segment: string) {
  const membership = await requireProjectMembership(await requireUser(), projectKey);
  if (!/^\d{1,9}$/.test(segment)) notFound();
  const campaign = await findCampaign(getDb(), membership.projectId, Number(segment));
  if (!campaign) notFound();
  return { membership, campaign };
}
