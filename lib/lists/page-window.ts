/**
 * Page `page` (from 1, held between the first and the last) of `size` entries of a list read whole, and where it
 * stands: for lists that must be read whole (what is signed or run covers every entry) but are shown a page at a time.
 */
export function pageWindow<T>(items: readonly T[], size: number, page: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(page, 1), pages);
  const start = (shown - 1) * size;
  return { items: items.slice(start, start + size), page: shown, pages, from: items.length === 0 ? 0 : start + 1, to: Math.min(start + size, items.length), total: items.length };
}
