import vm from 'node:vm';
import { describe, expect, test } from 'vitest';
import { INHERITANCE_DEPTH, isDirectlySuspect, suspectLinks, type TraceLinkState } from './suspect';

/**
 * Runs the computation under a watchdog: an endless loop (a cycle walked forever) throws after a second instead of
 * hanging the test run, since a synchronous loop cannot be interrupted by the test timeout.
 */
function withinASecond<T>(run: () => T): T {
  return vm.runInNewContext('run()', { run }, { timeout: 1000 }) as T;
}

/** A link from `up` to `down`, reviewed against `reviewed`, while `up` now stands at `current`. */
function link(id: string, up: string, down: string, reviewed: number, current: number): TraceLinkState {
  return { id, upstreamId: up, downstreamId: down, reviewedVersion: reviewed, upstreamVersion: current };
}

describe('isDirectlySuspect', () => {
  test.each([
    [1, 1, false],
    [1, 2, true],
    [3, 7, true],
    // A link reviewed against a version the item no longer has (never happens, but must not read as suspect).
    [2, 1, false],
  ])('reviewed %i, upstream now %i → %s', (reviewedVersion, upstreamVersion, expected) => {
    expect(isDirectlySuspect({ reviewedVersion, upstreamVersion })).toBe(expected);
  });
});

describe('suspectLinks', () => {
  test('no link has moved on: nothing is suspect', () => {
    expect(suspectLinks([link('a', 'R1', 'S1', 1, 1), link('b', 'S1', 'T1', 4, 4)]).size).toBe(0);
    expect(suspectLinks([]).size).toBe(0);
  });

  test('a requirement edited after review makes its link directly suspect, and only that link', () => {
    const result = suspectLinks([link('r1-s1', 'R1', 'S1', 1, 2), link('r2-s2', 'R2', 'S2', 1, 1), link('r2-s1', 'R2', 'S1', 3, 3)]);
    expect(Object.fromEntries(result)).toEqual({ 'r1-s1': 'direct' });
  });

  test('suspicion is inherited down the chain requirement → specification → test case', () => {
    const result = suspectLinks([
      link('r-s', 'R', 'S', 1, 2),
      link('s-t1', 'S', 'T1', 1, 1),
      link('s-t2', 'S', 'T2', 1, 1),
      // A test case further down, through a second hop.
      link('t1-x', 'T1', 'X', 1, 1),
      // A sibling chain that did not change stays clean.
      link('r2-s2', 'R2', 'S2', 1, 1),
      link('s2-t3', 'S2', 'T3', 1, 1),
    ]);
    expect(Object.fromEntries(result)).toEqual({ 'r-s': 'direct', 's-t1': 'inherited', 's-t2': 'inherited', 't1-x': 'inherited' });
  });

  test('the inheritance follows only the changed branch, whatever the order of the links', () => {
    const links = [
      link('s-t', 'S', 'T', 1, 1),
      link('r-s', 'R', 'S', 2, 3),
      link('other-s', 'R0', 'S0', 1, 1),
      link('s0-t', 'S0', 'T0', 1, 1),
    ];
    expect(Object.fromEntries(suspectLinks(links))).toEqual({ 'r-s': 'direct', 's-t': 'inherited' });
    expect(Object.fromEntries(suspectLinks([...links].reverse()))).toEqual({ 'r-s': 'direct', 's-t': 'inherited' });
  });

  test('reviewing the changed link clears the whole chain below it', () => {
    const before = [link('r-s', 'R', 'S', 1, 2), link('s-t', 'S', 'T', 1, 1)];
    expect(suspectLinks(before).size).toBe(2);
    const reviewed = [link('r-s', 'R', 'S', 2, 2), link('s-t', 'S', 'T', 1, 1)];
    expect(suspectLinks(reviewed).size).toBe(0);
  });

  test('a link that changed itself stays "direct" even when an upstream link is suspect too', () => {
    const result = suspectLinks([link('r-s', 'R', 'S', 1, 2), link('s-t', 'S', 'T', 1, 2)]);
    expect(Object.fromEntries(result)).toEqual({ 'r-s': 'direct', 's-t': 'direct' });
  });

  test('two requirements feeding one specification: one changed is enough to reach its tests', () => {
    const result = suspectLinks([link('r1-s', 'R1', 'S', 1, 1), link('r2-s', 'R2', 'S', 1, 5), link('s-t', 'S', 'T', 2, 2)]);
    expect(Object.fromEntries(result)).toEqual({ 'r2-s': 'direct', 's-t': 'inherited' });
  });

  test('a cycle in the links does not loop forever: suspicion goes two links down it and stops', () => {
    const links = [link('a-b', 'A', 'B', 1, 2), link('b-c', 'B', 'C', 1, 1), link('c-a', 'C', 'A', 1, 1), link('a-d', 'A', 'D', 2, 2)];
    const result = withinASecond(() => suspectLinks(links));
    // a-d leaves A, three links below the change (a-b, b-c, c-a): past the bound.
    expect(Object.fromEntries(result)).toEqual({ 'a-b': 'direct', 'b-c': 'inherited', 'c-a': 'inherited' });
  });

  test('a self-loop terminates', () => {
    expect(Object.fromEntries(withinASecond(() => suspectLinks([link('self', 'A', 'A', 1, 2)])))).toEqual({ self: 'direct' });
  });

  test(`a chain longer than the model's stops INHERITANCE_DEPTH (${INHERITANCE_DEPTH}) links below the change`, () => {
    const chain = Array.from({ length: 200 }, (_, i) => link(`l${i}`, `N${i}`, `N${i + 1}`, 1, i === 0 ? 2 : 1));
    const result = suspectLinks(chain);
    expect(Object.fromEntries(result)).toEqual({ l0: 'direct', l1: 'inherited', l2: 'inherited' });
  });
});
