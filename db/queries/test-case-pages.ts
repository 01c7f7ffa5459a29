import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { parseRef } from '@/lib/traceability/refs';
import type { SessionUser } from './users';
import { requireProjectMembership } from './project-access';
import { findTestCase } from './test-cases';

/** The test case a page's URL names (CT-n, any case), within a project the person belongs to; 404 otherwise. */
export async function loadTestCasePage(user: SessionUser, projectKey: string, segment: string) {
  const membership = await requireProjectMembership(user, projectKey);
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    notFound();
  }
  const parsed = parseRef(text);
  if (parsed?.kind !== 'testCase') notFound();
  const testCase = await findTestCase(getDb(), membership.projectId, parsed.number);
  if (!testCase) notFound();
  return { membership, testCase };
}
