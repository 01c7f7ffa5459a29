/**
 * Suspect links (DESIGN.md §3). A link remembers the version of its upstream item it was last reviewed against;
 * it is suspect when that item has moved on. Suspicion flows down the chain (requirement → specification → test
 * case): a link whose upstream item is itself the downstream end of a suspect link is suspect too, until a person
 * reviews the link that changed.
 *
 * Suspicion travels at most INHERITANCE_DEPTH links down from the link that changed. The model's chain has three
 * items, so one link down is all it can ever take; the second level covers links the model does not make (between
 * two specifications) and stops any cycle. The SQL rule (view trace_link_states, migration 0012) has the same bound.
 */
export interface TraceLinkState {
  id: string;
  upstreamId: string;
  downstreamId: string;
  reviewedVersion: number;
  upstreamVersion: number;
}

export type Suspicion = 'direct' | 'inherited';

/** How many links below a changed one suspicion reaches. */
export const INHERITANCE_DEPTH = 2;

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
  // Breadth first, so an item is reached at its smallest depth below a directly suspect link.
  let frontier: string[] = [];
  for (const link of links) {
    if (isDirectlySuspect(link)) {
      result.set(link.id, 'direct');
      frontier.push(link.downstreamId);
    }
  }
  const reached = new Set<string>();
  for (let depth = 1; depth <= INHERITANCE_DEPTH && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const item of frontier) {
      if (reached.has(item)) continue;
      reached.add(item);
      for (const link of byUpstream.get(item) ?? []) {
        if (!result.has(link.id)) result.set(link.id, 'inherited');
        next.push(link.downstreamId);
      }
    }
    frontier = next;
  }
  return result;
}
