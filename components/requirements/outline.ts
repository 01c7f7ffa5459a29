/** Requirements as chapters: parent / children, in reading order. Pure, shared by the tree view and the parent picker. */
export interface OutlineItem {
  id: string;
  parentId: string | null;
  number: number;
}

export interface OutlineEntry<T extends OutlineItem> {
  item: T;
  depth: number;
  /** Ids of the chapters above, nearest last: the rows a collapsed chapter hides. */
  ancestors: string[];
  childCount: number;
}

/**
 * Depth-first order, siblings by number. An item whose parent is not in the list (filtered out) starts its own
 * branch, so a filtered tree still shows every match exactly once.
 */
export function outlineOrder<T extends OutlineItem>(items: readonly T[]): OutlineEntry<T>[] {
  const present = new Set(items.map((i) => i.id));
  const children = new Map<string | null, T[]>();
  for (const item of [...items].sort((a, b) => a.number - b.number)) {
    const key = item.parentId && present.has(item.parentId) ? item.parentId : null;
    const siblings = children.get(key);
    if (siblings) siblings.push(item);
    else children.set(key, [item]);
  }
  const out: OutlineEntry<T>[] = [];
  const visited = new Set<string>();
  const visit = (item: T, ancestors: string[]) => {
    if (visited.has(item.id)) return;
    visited.add(item.id);
    const kids = children.get(item.id) ?? [];
    out.push({ item, depth: ancestors.length, ancestors, childCount: kids.length });
    for (const kid of kids) visit(kid, [...ancestors, item.id]);
  };
  for (const root of children.get(null) ?? []) visit(root, []);
  // Only a corrupted parent chain (a cycle) leaves items unvisited; show them rather than lose them.
  for (const item of items) if (!visited.has(item.id)) visit(item, []);
  return out;
}

/** The item and everything filed under it: what cannot become its parent. */
export function withDescendants(items: readonly OutlineItem[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId && out.has(item.parentId) && !out.has(item.id)) {
        out.add(item.id);
        grew = true;
      }
    }
  }
  return out;
}
