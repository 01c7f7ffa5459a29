import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '@/tests/setup/shared-fixtures';
import { ResultFileError } from '../result-file-error';
import { countsContradict, parseJUnit } from './parse-junit';

const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => parseJUnit(new Uint8Array(readFileSync(sharedFixture('junit', name))), name);

/** Expected counts of every JUnit fixture (fixtures/README.md: test cases, results, suite depth). */
const FIXTURES: Record<string, { tests: number; failures: number; errors: number; skipped: number; suites: number; depth: number; contradicts: boolean }> = {
  'surefire_junit4_TEST-StringUtilsTest.xml': { tests: 5, failures: 2, errors: 0, skipped: 1, suites: 1, depth: 1, contradicts: false },
  'phpunit_nested_suites_phpcheckstyle.xml': { tests: 30, failures: 2, errors: 0, skipped: 0, suites: 14, depth: 3, contradicts: false },
  'jest-junit_large_4239_tests.xml': { tests: 4239, failures: 2, errors: 0, skipped: 30, suites: 400, depth: 1, contradicts: true },
  'pytest_horovod_xunit1_skips.xml': { tests: 97, failures: 0, errors: 0, skipped: 17, suites: 1, depth: 1, contradicts: false },
  'pytest_xunit2_single_line.xml': { tests: 3, failures: 2, errors: 0, skipped: 0, suites: 1, depth: 1, contradicts: false },
  'mocha_xunit_reporter_latex-utensils.xml': { tests: 109, failures: 0, errors: 0, skipped: 0, suites: 1, depth: 1, contradicts: false },
  'xunitnet_bom_properties.xml': { tests: 2, failures: 0, errors: 0, skipped: 0, suites: 1, depth: 1, contradicts: true },
  'cargo_nextest.xml': { tests: 3, failures: 1, errors: 0, skipped: 0, suites: 1, depth: 1, contradicts: false },
  'gotestsum_junitxml-report.golden.xml': { tests: 47, failures: 5, errors: 0, skipped: 4, suites: 4, depth: 1, contradicts: true },
  'handcrafted_multiresult_per_testcase.xml': { tests: 4, failures: 1, errors: 1, skipped: 1, suites: 1, depth: 1, contradicts: false },
};

describe('parseJUnit on the real-world fixtures', () => {
  it.each(Object.entries(FIXTURES))('%s', (name, expected) => {
    const report = fixture(name);
    const { tests, failures, errors, skipped } = report.found;
    expect({ tests, failures, errors, skipped, suites: report.suiteCount, depth: report.depth, contradicts: countsContradict(report) }).toEqual(expected);
  });

  it('covers every file of the fixtures folder', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(sharedFixture('junit')).filter((f) => f.endsWith('.xml')).sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it('keeps empty classnames empty, non-ASCII names whole (jest)', () => {
    const report = fixture('jest-junit_large_4239_tests.xml');
    expect(report.cases.filter((c) => c.classname === '')).toHaveLength(891);
    expect(report.cases.some((c) => /[^\x00-\x7f]/.test(c.name))).toBe(true);
    // One case of the real file has neither name nor classname: it is kept (and will match nothing).
    expect(report.cases.filter((c) => c.name === '' && c.classname === '')).toHaveLength(1);
  });

  it('decodes entities in a failure message and keeps the stack trace as evidence (surefire)', () => {
    const failed = fixture('surefire_junit4_TEST-StringUtilsTest.xml').cases.filter((c) => c.outcome === 'failure');
    expect(failed.some((c) => c.message.includes('\n'))).toBe(true);
    expect(failed.every((c) => c.details.length > 0)).toBe(true);
  });

  it('reads a BOM, properties on the root, a repeated property name (xunit.net)', () => {
    const report = fixture('xunitnet_bom_properties.xml');
    expect(report.suiteProperties.filter((p) => p.name === 'date')).toHaveLength(2);
    expect(report.suiteProperties.find((p) => p.name === 'nunit-version')?.value).toBe('xUnit.net 2.4.1.0');
  });

  it('keeps system-out and system-err of each case (nextest) and a case-level system-out (phpunit)', () => {
    const cases = fixture('cargo_nextest.xml').cases;
    expect(cases.every((c) => c.systemOut.length > 0)).toBe(true);
    expect(cases.find((c) => c.outcome === 'failure')!.systemErr).toContain("panicked at tests/parry3d.rs");
    expect(fixture('phpunit_nested_suites_phpcheckstyle.xml').cases.some((c) => c.systemOut.length > 0)).toBe(true);
  });

  it('reads nested suite paths (phpunit) and one-line files (pytest)', () => {
    expect(fixture('phpunit_nested_suites_phpcheckstyle.xml').cases.some((c) => c.suitePath.length === 3)).toBe(true);
    expect(fixture('pytest_horovod_xunit1_skips.xml').cases.filter((c) => c.outcome === 'skipped').every((c) => c.message.length > 0)).toBe(true);
  });

  it('ranks several results in one case: error › failure › skipped', () => {
    const cases = fixture('handcrafted_multiresult_per_testcase.xml').cases;
    expect(cases.map((c) => [c.name, c.outcome])).toEqual([
      ['test that errors', 'error'],
      ['test that fails', 'failure'],
      ['test that is skipped', 'skipped'],
      ['test that succeeds', 'passed'],
    ]);
    expect(cases[0]!.message).toBe('test teardown failure');
    expect(cases[0]!.durationMs).toBe(123);
  });
});

describe('parseJUnit on edge cases', () => {
  it('reads a root testsuite without declaration, an XML 1.1 declaration, non-BMP characters and CDATA', () => {
    const noDecl = parseJUnit(bytes('<testsuite name="s"><testcase name="a 🙂 𝔘"/></testsuite>'), 'a.xml');
    expect(noDecl.cases[0]!.name).toBe('a 🙂 𝔘');
    const v11 = parseJUnit(bytes('<?xml version="1.1" encoding="UTF-8"?><testsuites><testsuite name="s"><testcase name="&#x1F600; &lt;b&gt;"><failure><![CDATA[x &lt; y]]></failure></testcase></testsuite></testsuites>'), 'b.xml');
    expect(v11.cases[0]).toMatchObject({ name: '😀 <b>', outcome: 'failure', details: 'x &lt; y' });
  });

  it('reads flaky and rerun elements', () => {
    const report = parseJUnit(
      bytes(
        '<testsuite name="s"><testcase name="flaky"><flakyFailure message="1st"/><flakyError message="2nd"/></testcase>' +
          '<testcase name="always"><failure message="f"/><rerunFailure message="r"/></testcase><testcase name="rerunOnly"><rerunError message="r"/></testcase></testsuite>',
      ),
      'f.xml',
    );
    expect(report.cases.map((c) => [c.outcome, c.flakyAttempts])).toEqual([
      ['passed', 2],
      ['failure', 0],
      ['failure', 0],
    ]);
  });

  it('reads case properties, a property body, missing classname and bounds evidence text', () => {
    const long = 'x'.repeat(50_000);
    const report = parseJUnit(
      bytes(`<testsuite name="s"><testcase name="n"><properties><property name="test_case" value="CT-12"/><property name="note">body</property></properties><system-out>${long}</system-out></testcase></testsuite>`),
      'p.xml',
    );
    const [c] = report.cases;
    expect(c!.classname).toBe('');
    expect(c!.properties).toEqual([{ name: 'test_case', value: 'CT-12' }, { name: 'note', value: 'body' }]);
    expect(c!.systemOut.length).toBeLessThanOrEqual(20_002);
  });

  it('trusts content over declared counts', () => {
    const report = parseJUnit(bytes('<testsuite name="s" tests="9" failures="0"><testcase name="a"><failure/></testcase></testsuite>'), 'c.xml');
    expect(report.found).toEqual({ tests: 1, failures: 1, errors: 0, skipped: 0 });
    expect(countsContradict(report)).toBe(true);
  });
});

describe('parseJUnit refuses hostile or broken input', () => {
  const refusal = (text: string) => {
    try {
      parseJUnit(bytes(text), 'h.xml');
    } catch (error) {
      return error instanceof ResultFileError ? error.reason : 'other';
    }
    return 'accepted';
  };

  it('refuses malformed XML with the line', () => {
    expect(refusal('<testsuite><testcase name="a"></testsuite>')).toBe('malformed');
    expect(() => parseJUnit(bytes('<testsuite>\n<testcase name="a"></testsuite>'), 'm.xml')).toThrow(/m\.xml: malformed \(2:/);
  });

  it('refuses entity expansion (billion laughs) before anything is expanded', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><testsuite name="s"><testcase name="&lol9;"/></testsuite>`;
    expect(refusal(lol)).toBe('doctype');
  });

  it('refuses external entities (XXE), with or without a comment before the DOCTYPE', () => {
    expect(refusal('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite name="&xxe;"/>')).toBe('doctype');
    expect(refusal('<!-- hi --><!doctype t SYSTEM "http://127.0.0.1/x.dtd"><testsuite/>')).toBe('doctype');
  });

  it('never expands an undeclared entity written in the body', () => {
    const report = parseJUnit(bytes('<testsuite name="s"><testcase name="&xxe; &amp;"/></testsuite>'), 'e.xml');
    expect(report.cases[0]!.name).toBe('&xxe; &');
  });

  it('refuses empty files and XML that is not JUnit', () => {
    expect(refusal('  ')).toBe('empty');
    expect(refusal('<html><body/></html>')).toBe('notJUnit');
  });
});
