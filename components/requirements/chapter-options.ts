import { outlineOrder, withDescendants } from './outline';
import { chapterLabel } from './requirement-labels';
import type { ChapterOption } from './requirement-form';

/**
 * The chapters a requirement can be filed under, in tree order. When editing, the requirement itself and its
 * sub-requirements are left out: a requirement cannot sit under itself (the action refuses it too).
 */
export function chapterOptions(
  outline: readonly { id: string; number: number; title: string; parentId: string | null }[],
  editingId?: string,
): ChapterOption[] {
  const excluded = editingId ? withDescendants(outline, editingId) : new Set<string>();
  return outlineOrder(outline)
    .filter((entry) => !excluded.has(entry.item.id))
    .map(({ item, depth }) => ({
      id: item.id,
      label: chapterLabel({ number: item.number, title: item.title.length > 90 ? `${item.title.slice(0, 89)}…` : item.title }),
      depth,
    }));
}
