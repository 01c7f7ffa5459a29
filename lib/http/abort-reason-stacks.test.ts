import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatAbortReasonStacksEagerly } from './abort-reason-stacks';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** A job that aborts its own controller with an Error created in one of its methods, so the job is a frame's receiver. */
class Job {
  payload = new Uint8Array(1024 * 1024);
  constructor(readonly controller: AbortController) {}
  finish() {
    this.controller.abort(new Error('done'));
    return this.controller.signal;
  }
}

/** Whether a finished job stays reachable from nothing but its aborted signal (kept, as React's request keeps it). */
async function jobOutlivesItsSignal(Controller: typeof AbortController): Promise<boolean> {
  const { signal, job } = (() => {
    const job = new Job(new Controller());
    return { signal: job.finish(), job: new WeakRef(job) };
  })();
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  expect(signal.aborted).toBe(true);
  return job.deref() !== undefined;
}

describe('abort reasons formatted eagerly', () => {
  it('without it, an unread abort reason keeps the code that aborted alive through its stack frames', async () => {
    class Plain extends AbortController {}
    expect(await jobOutlivesItsSignal(Plain)).toBe(true);
  });

  it('with it, the reason keeps its stack text and nothing else', async () => {
    class Eager extends AbortController {}
    formatAbortReasonStacksEagerly(Eager.prototype);
    expect(await jobOutlivesItsSignal(Eager)).toBe(false);
    const controller = new Eager();
    controller.abort(new Error('why'));
    expect(String((controller.signal.reason as Error).stack)).toMatch(/^Error: why\n\s+at /);
  });

  it('installs once and keeps the reason and the default reason as they were', () => {
    class Twice extends AbortController {}
    formatAbortReasonStacksEagerly(Twice.prototype);
    const first = Twice.prototype.abort;
    formatAbortReasonStacksEagerly(Twice.prototype);
    expect(Twice.prototype.abort).toBe(first);
    const withText = new Twice();
    withText.abort('text');
    expect(withText.signal.reason).toBe('text');
    const bare = new Twice();
    bare.abort();
    expect((bare.signal.reason as DOMException).name).toBe('AbortError');
  });
});
