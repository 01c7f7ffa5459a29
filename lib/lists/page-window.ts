/**
 * Where page `page` (from 1, held between the first and the last) of `size` entries stands in a list of `total`:
 * the page shown, how many there are, and the entries it holds (from and to, from 1; 0 and 0 for an empty list).
 */
export function pageBounds(total: number, size: number, page: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const shown = Math.min(Math.max(page, 1), pages);
  const start = (shown - 1) * size;
  return { page: shown, pages, from: total === 0 ? 0 : start + 1, to: Math.min(start + size, total), total };
}

/**
 * Page `page` of `size` entries of a list read whole, and where it stands: for lists that must be read whole (what is
 * signed or run covers every entry) but are shown a page at a time.
 */
export function pageWindow<T>(items: readonly T[], size: number, page: number) {
  const bounds = pageBounds(items.length, size, page);
  return { items: items.slice(Math.max(bounds.from - 1, 0), bounds.to), ...bounds };
}
