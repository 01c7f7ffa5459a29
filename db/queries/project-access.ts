import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { decodeSegment } from '@/lib/http/url-segment';
import { findProjectMembership, type ProjectMembership } from './memberships';
import type { SessionUser } from './users';

/**
 * Pages' gate: the actor's membership in the project of the URL, or Next's 404 — a non-member cannot tell a
 * project they may not see from one that does not exist. Cached per request (layout and page share it).
 */
export const requireProjectMembership = cache(
  async (actor: SessionUser, projectKey: string): Promise<ProjectMembership> => {
    const key = decodeSegment(projectKey);
    const membership = key === null ? null : await findProjectMembership(getDb(), actor.id, key);
    if (!membership) notFound();
    return membership;
  },
);
