import { describe, expect, test } from 'vitest';
import { formatBytes, formatMs, markdownTable } from './table';

describe('benchmark tables', () => {
  test('a Markdown table with padded columns', () => {
    expect(markdownTable(['page', 'req/s'], [['/profile', 64], ['home', 5.5]])).toBe(
      ['| page     | req/s |', '|----------|-------|', '| /profile | 64    |', '| home     | 5.5   |'].join('\n'),
    );
  });

  test('sizes in decimal units, durations to the millisecond above 100 ms', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(43_210)).toBe('43.2 kB');
    expect(formatBytes(4_600_000)).toBe('4.60 MB');
    expect(formatMs(12.34)).toBe('12.3');
    expect(formatMs(419.6)).toBe('420');
    expect(formatMs(null)).toBe('–');
  });
});
