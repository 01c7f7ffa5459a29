import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { parseRef } from '@/lib/traceability/refs';
import { findAnomaly } from './anomalies';
import { requireProjectMembership } from './project-access';
import type { SessionUser } from './users';

/** The anomaly a page's URL names (ANO-n, any case), within a project the person belongs to; 404 otherwise. */
export async function loadAnomalyPage(user: SessionUser, projectKey: string, segment: string) {
  const membership = await requireProjectMembership(user, projectKey);
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    notFound();
  }
  const parsed = parseRef(text);
  if (parsed?.kind !== 'anomaly') notFound();
  const anomaly = await findAnomaly(getDb(), membership.projectId, parsed.number);
  if (!anomaly) notFound();
  return { membership, anomaly };
}
