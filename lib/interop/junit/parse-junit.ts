import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ResultFileError } from '../result-file-error';
import { boundedText } from '../text-bounds';
import { decodeTextBytes, decodeXmlEntities, refuseDoctype } from '../xml-text';

/**
 * JUnit XML, read leniently: real producers (Surefire, pytest, Jest, Go, PHPUnit, cargo-nextest, xUnit.net…) each
 * bend the format, and most of their files fail every XSD. The structure is taken from what is there: a root
 * `testsuites` or `testsuite`, suites nested at any depth, test cases anywhere under them. Counts the file declares
 * are only compared with what it contains: the content is trusted, never the counters.
 */

/**
 * The outcome of one test case. A test case may hold several result elements (a teardown error after a failed
 * assertion, or a `skipped` left beside them): the most serious one wins, in this order —
 * error (the test could not complete) › failure (an assertion did not hold) › skipped (it did not run) › passed.
 * Surefire's rerun elements count with them: `rerunFailure`/`rerunError` mean every rerun failed too (failed), while
 * `flakyFailure`/`flakyError` beside no final failure mean it passed after failing (passed, flaky attempts counted).
 */
export const JUNIT_OUTCOMES = ['error', 'failure', 'skipped', 'passed'] as const;
export type JUnitOutcome = (typeof JUNIT_OUTCOMES)[number];

export interface JUnitProperty {
  name: string;
  value: string;
}

export interface JUnitCase {
  /** The suites from the root down to this case, by name. */
  suitePath: string[];
  classname: string;
  name: string;
  outcome: JUnitOutcome;
  /** The deciding result element's `message` (or `type`), bounded. */
  message: string;
  /** The deciding result element's body (a stack trace…), bounded. */
  details: string;
  systemOut: string;
  systemErr: string;
  durationMs: number | null;
  properties: JUnitProperty[];
  /** Failed attempts before a pass (Surefire's flakyFailure / flakyError). */
  flakyAttempts: number;
}

export interface JUnitCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export interface JUnitReport {
  fileName: string;
  cases: JUnitCase[];
  suiteCount: number;
  /** Deepest nesting of suites: 1 for a flat file. */
  depth: number;
  /** What the root (or the top suites, summed) declares; null when it declares nothing. */
  declared: JUnitCounts | null;
  /** What the cases say, by outcome. */
  found: JUnitCounts;
  /** Properties set on suites (the root's and each suite's), in file order. */
  suiteProperties: JUnitProperty[];
}

type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  'testsuite',
  'testcase',
  'property',
  'failure',
  'error',
  'skipped',
  'flakyFailure',
  'flakyError',
  'rerunFailure',
  'rerunError',
  'system-out',
  'system-err',
  'properties',
]);

/** Entity processing is off: the parser never expands anything (the five predefined ones are decoded by hand). */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  isArray: (name) => REPEATED.has(name),
});

function nodes(parent: XmlNode, name: string): XmlNode[] {
  const value = parent[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }));
}

function attr(node: XmlNode, name: string): string {
  const value = node[`@${name}`];
  return typeof value === 'string' ? decodeXmlEntities(value) : '';
}

/** Text of an element: its character data decoded, then its CDATA sections as written. */
function textOf(node: XmlNode): string {
  const text = node['#text'];
  const cdata = node['#cdata'];
  const plain = typeof text === 'string' ? decodeXmlEntities(text) : '';
  const raw = Array.isArray(cdata) ? cdata.join('') : typeof cdata === 'string' ? cdata : '';
  return plain + raw;
}

function count(node: XmlNode, name: string): number | null {
  const raw = attr(node, name).trim();
  if (raw === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function declaredCounts(node: XmlNode): JUnitCounts | null {
  const tests = count(node, 'tests');
  if (tests === null) return null;
  return { tests, failures: count(node, 'failures') ?? 0, errors: count(node, 'errors') ?? 0, skipped: (count(node, 'skipped') ?? count(node, 'skips')) ?? 0 };
}

function durationOf(node: XmlNode): number | null {
  const raw = attr(node, 'time').trim().replace(',', '.');
  if (raw === '') return null;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
}

function propertiesOf(node: XmlNode): JUnitProperty[] {
  return nodes(node, 'properties').flatMap((list) =>
    nodes(list, 'property').map((p) => ({ name: boundedText(attr(p, 'name'), 200), value: boundedText(attr(p, 'value') || textOf(p), 2_000) })),
  );
}

function joinedText(node: XmlNode, name: string): string {
  return boundedText(
    nodes(node, name)
      .map(textOf)
      .join('\n'),
  );
}

function readCase(node: XmlNode, suitePath: string[]): JUnitCase {
  const error = nodes(node, 'error');
  const failure = nodes(node, 'failure');
  const reruns = [...nodes(node, 'rerunFailure'), ...nodes(node, 'rerunError')];
  const skipped = nodes(node, 'skipped');
  const flaky = [...nodes(node, 'flakyFailure'), ...nodes(node, 'flakyError')];
  const [outcome, deciding]: [JUnitOutcome, XmlNode | undefined] = error.length
    ? ['error', error[0]]
    : failure.length
      ? ['failure', failure[0]]
      : reruns.length
        ? ['failure', reruns[0]]
        : skipped.length
          ? ['skipped', skipped[0]]
          : ['passed', undefined];
  return {
    suitePath,
    classname: boundedText(attr(node, 'classname') || attr(node, 'class'), 1_000).trim(),
    name: boundedText(attr(node, 'name'), 1_000).trim(),
    outcome,
    message: deciding ? boundedText(attr(deciding, 'message') || attr(deciding, 'type'), 2_000) : '',
    details: deciding ? boundedText(textOf(deciding).trim()) : '',
    systemOut: joinedText(node, 'system-out'),
    systemErr: joinedText(node, 'system-err'),
    durationMs: durationOf(node),
    properties: propertiesOf(node),
    flakyAttempts: outcome === 'passed' ? flaky.length : 0,
  };
}

/** Parses one JUnit XML file; refuses (ResultFileError) malformed XML, a DOCTYPE, or a document that is not JUnit. */
export function parseJUnit(bytes: Uint8Array, fileName: string): JUnitReport {
  const text = decodeTextBytes(bytes);
  if (text.trim() === '') throw new ResultFileError('empty', fileName);
  refuseDoctype(text, fileName);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new ResultFileError('malformed', fileName, `${valid.err.line}:${valid.err.col} ${valid.err.msg}`);
  const document = parser.parse(text) as XmlNode;

  const roots = nodes(document, 'testsuites');
  const topSuites = roots.length ? roots.flatMap((root) => nodes(root, 'testsuite')) : nodes(document, 'testsuite');
  if (!roots.length && !topSuites.length) throw new ResultFileError('notJUnit', fileName);

  const cases: JUnitCase[] = [];
  const suiteProperties: JUnitProperty[] = roots.flatMap(propertiesOf);
  let suiteCount = 0;
  let depth = 0;
  // Suites nest arbitrarily deep in some producers (PHPUnit): walk them with an explicit stack, not recursion. A
  // `testsuites` root is a container, not a suite (a few producers put test cases right under it).
  const stack: { node: XmlNode; path: string[]; suite: boolean }[] = roots.length
    ? roots.map((node) => ({ node, path: [], suite: false }))
    : topSuites.map((node) => ({ node, path: [], suite: true }));
  stack.reverse();
  while (stack.length) {
    const { node, path, suite } = stack.pop()!;
    const here = suite ? [...path, boundedText(attr(node, 'name'), 1_000)] : path;
    if (suite) {
      suiteCount += 1;
      depth = Math.max(depth, here.length);
      suiteProperties.push(...propertiesOf(node));
    }
    for (const testcase of nodes(node, 'testcase')) cases.push(readCase(testcase, here));
    const children = nodes(node, 'testsuite');
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, path: here, suite: true });
  }

  const declared = roots.length
    ? (roots.map(declaredCounts).find((c) => c !== null) ?? sumCounts(topSuites.map(declaredCounts)))
    : sumCounts(topSuites.map(declaredCounts));
  return { fileName, cases, suiteCount, depth, declared, found: foundCounts(cases), suiteProperties };
}

function sumCounts(list: (JUnitCounts | null)[]): JUnitCounts | null {
  const present = list.filter((c): c is JUnitCounts => c !== null);
  if (!present.length) return null;
  return present.reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors, skipped: a.skipped + b.skipped }));
}

export function foundCounts(cases: readonly Pick<JUnitCase, 'outcome'>[]): JUnitCounts {
  const out = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
  for (const c of cases) {
    if (c.outcome === 'failure') out.failures += 1;
    else if (c.outcome === 'error') out.errors += 1;
    else if (c.outcome === 'skipped') out.skipped += 1;
  }
  return out;
}

/** The declared counts differ from the content (the content is what gets imported). */
export function countsContradict(report: Pick<JUnitReport, 'declared' | 'found'>): boolean {
  const { declared, found } = report;
  return declared !== null && (declared.tests !== found.tests || declared.failures !== found.failures || declared.errors !== found.errors || declared.skipped !== found.skipped);
}
