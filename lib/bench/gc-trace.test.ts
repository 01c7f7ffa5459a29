import { describe, expect, it } from 'vitest';
import { heapAfterFullCollection, liveHeapFloor } from './gc-trace';

const line = (ms: number, after: number) =>
  `[10847:0x26f09090]  ${ms} ms: Mark-Compact 263.8 (294.1) -> ${after} (288.6) MB, 3.43 / 0.00 ms  (+ 14.3 ms in 78 steps since start of marking) (average mu = 1.000, current mu = 1.000) allocation failure; GC in old space requested`;

describe('full collections from --trace-gc', () => {
  it('reads the heap left after a Mark-Compact, in its plain and reduce forms', () => {
    expect(heapAfterFullCollection(line(20931, 155.2))).toBe(155.2);
    expect(
      heapAfterFullCollection('[1:0x1]     5012 ms: Mark-Compact (reduce) 80.1 (90.0) -> 61.4 (70.2) MB, 8.2 / 0.0 ms  (average mu = 0.9) memory pressure'),
    ).toBe(61.4);
  });

  it('ignores scavenges and anything else the server prints', () => {
    expect(heapAfterFullCollection('[1:0x1]      812 ms: Scavenge 60.1 (70.0) -> 55.3 (72.0) MB, 1.2 / 0.0 ms  (average mu = 1.000) allocation failure;')).toBeNull();
    expect(heapAfterFullCollection('▲ Next.js 16.4.6')).toBeNull();
  });

  it('takes the lowest live heap of a stretch, and none when no full collection happened in it', () => {
    const collections = [300, 210.5, 250, 190].map((afterMb, i) => ({ atMs: 1000 * (i + 1), afterMb }));
    expect(liveHeapFloor(collections, 1000, 3500)).toBe(210.5);
    expect(liveHeapFloor(collections, 3500, 9000)).toBe(190);
    expect(liveHeapFloor(collections, 5000, 9000)).toBeNull();
  });
});
