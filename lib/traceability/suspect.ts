/**
 * Suspect links (DESIGN.md §3). A link remembers the version of its upstream item it was last reviewed against;
 * it is suspect when that item has moved on. Suspicion flows down the chain (requirement → specification → test
 * case): a link whose upstream item is itself the downstream end of a suspect link is suspect too, until a person
 * reviews the link that changed.
 */
export interface TraceLinkState {
  id: string;
  upstreamId: string;
  downstreamId: string;
  reviewedVersion: number;
  upstreamVersion: number;
}

export type Suspicion = 'direct' | 'inherited';

export function isDirectlySuspect(link: Pick<TraceLinkState, 'reviewedVersion' | 'upstreamVersion'>): boolean {
  return link.upstreamVersion > link.reviewedVersion;
}

export function suspectLinks(links: readonly TraceLinkState[]): Map<string, Suspicion> {
  const result = new Map<string, Suspicion>();
  const byUpstream = new Map<string, TraceLinkState[]>();
  for (const link of links) {
    const list = byUpstream.get(link.upstreamId) ?? [];
    list.push(link);
    byUpstream.set(link.upstreamId, list);
  }
  const queue: string[] = [];
  for (const link of links) {
    if (isDirectlySuspect(link)) {
      result.set(link.id, 'direct');
      queue.push(link.downstreamId);
    }
  }
  const reached = new Set<string>();
  while (queue.length > 0) {
    const item = queue.shift()!;
    if (reached.has(item)) continue;
    reached.add(item);
    for (const link of byUpstream.get(item) ?? []) {
      if (!result.has(link.id)) result.set(link.id, 'inherited');
      queue.push(link.downstreamId);
    }
  }
  return result;
}
