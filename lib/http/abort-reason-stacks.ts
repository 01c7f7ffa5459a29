/**
 * Every server render leaked its whole request under load (issue 7, "Load: memory stable"): with a 400 MB heap,
 * `next start` ran out of memory after ~3,000 page views of the large project. Heap snapshots showed the chain:
 *
 * - at the end of each render, React's Flight server aborts the render's cache signal with
 *   `Error("This render completed successfully…")` (react/react#37289, still open; the same in Next 16.5.0);
 * - V8 keeps an Error's stack as structured frames, holding each frame's receiver, until `error.stack` is first read,
 *   and that reason is never read;
 * - one of those receivers is the `Immediate` that ran the flush, linked to the other Immediates of its batch, each
 *   carrying the async context (the request store) of another request, whose own signal holds its own Error…
 *
 * so every finished request kept the one before it alive. Reading `reason.stack` when a controller is aborted turns
 * the frames into a string and lets all of that go, as Node's streams already do for their errors
 * (nodejs/node#66192 asks the same of AbortController). Only the moment of formatting changes: the same text.
 */

const installed = Symbol.for('passerelle.abortReasonStacks');

type Patched = typeof AbortController.prototype & { [installed]?: true };

/** Installs the eager formatting once per process (instrumentation's register calls it before the first request). */
export function formatAbortReasonStacksEagerly(prototype: Patched = AbortController.prototype): void {
  if (prototype[installed]) return;
  const abort = prototype.abort;
  prototype.abort = function abortWithFormattedReason(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    return abort.call(this, reason);
  };
  prototype[installed] = true;
}
