import { describe, expect, test } from 'vitest';
import { pageWindow } from './page-window';

const items = Array.from({ length: 125 }, (_, i) => i + 1);

describe('pageWindow', () => {
  test('a middle page and the last, shorter one', () => {
    expect(pageWindow(items, 50, 2)).toMatchObject({ page: 2, pages: 3, from: 51, to: 100, total: 125 });
    const last = pageWindow(items, 50, 3);
    expect(last).toMatchObject({ page: 3, from: 101, to: 125 });
    expect(last.items).toEqual(items.slice(100));
  });

  test('a page past the end shows the last one, below 1 the first', () => {
    expect(pageWindow(items, 50, 99).page).toBe(3);
    expect(pageWindow(items, 50, 0).page).toBe(1);
    expect(pageWindow(items, 50, -4).items[0]).toBe(1);
  });

  test('an empty list is one empty page', () => {
    expect(pageWindow([], 50, 3)).toEqual({ items: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });

  test('every entry is on exactly one page', () => {
    const seen = [1, 2, 3].flatMap((page) => pageWindow(items, 50, page).items);
    expect(seen).toEqual(items);
  });
});
