/**
 * The load run's memory check (scripts/load-pages.ts), from the lines `node --trace-gc` prints. A full collection
 * (Mark-Compact) leaves only what is still reachable, plus the garbage of the requests in flight; the lowest such
 * figure over a stretch of steady load is the server's live heap there. A leak shows as that floor rising from the
 * end of the warm-up to the end of the run. Resident memory alone cannot tell a leak from a heap that V8 lets grow
 * while memory is plentiful: before the fix of lib/http/abort-reason-stacks.ts it grew 28–37 % in a 20 s run and
 * passed, and the same server then ran out of a 400 MB heap a minute later.
 */

export interface FullCollection {
  /** When its line arrived (Date.now()), on the clock of the load run's phases. */
  atMs: number;
  /** Heap in use after the collection, MB. */
  afterMb: number;
}

const MARK_COMPACT = / ms: Mark-Compact(?: \([^)]*\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/;

/** The heap left (MB) by the full collection a `--trace-gc` line reports; null for any other line (scavenges, the app's output). */
export function heapAfterFullCollection(line: string): number | null {
  const match = MARK_COMPACT.exec(line);
  return match ? Number(match[1]) : null;
}

/** The lowest live heap of the collections in [fromMs, toMs), or null when none happened there. */
export function liveHeapFloor(collections: readonly FullCollection[], fromMs: number, toMs: number): number | null {
  const inside = collections.filter((c) => c.atMs >= fromMs && c.atMs < toMs).map((c) => c.afterMb);
  return inside.length ? Math.min(...inside) : null;
}
