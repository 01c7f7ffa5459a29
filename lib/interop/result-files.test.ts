import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ResultFileError } from './result-file-error';
import { expandResultFiles } from './result-files';

const limits = { maxUploadBytes: 1_000, maxUnzippedBytes: 10_000, maxZipEntries: 3 };
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ResultFileError ? error.reason : 'other';
  }
  return 'accepted';
};

describe('expandResultFiles', () => {
  it('classifies files by extension and opens zips, ignoring what it cannot read', () => {
    const zip = zipSync({ 'a/r.xml': strToU8('<testsuite/>'), 'b/run.jtl': strToU8('elapsed,label'), 'README.md': strToU8('x'), '__MACOSX/._r.xml': strToU8('x') });
    const { files, ignored } = expandResultFiles([{ name: 'k6.json', bytes: strToU8('{}') }, { name: 'ci.zip', bytes: zip }], { ...limits, maxZipEntries: 10 });
    expect(files.map((f) => [f.name, f.kind])).toEqual([
      ['k6.json', 'k6'],
      ['ci.zip/a/r.xml', 'junit'],
      ['ci.zip/b/run.jtl', 'jmeter'],
    ]);
    expect(ignored).toEqual(['ci.zip/README.md', 'ci.zip/__MACOSX/._r.xml']);
  });

  it('refuses an upload over the size cap, a zip bomb, too many entries, a broken zip, an unknown kind', () => {
    expect(refusal(() => expandResultFiles([{ name: 'a.xml', bytes: new Uint8Array(1_001) }], limits))).toBe('tooBig');
    const bomb = zipSync({ 'bomb.xml': new Uint8Array(50_000) });
    expect(bomb.length).toBeLessThan(1_000);
    expect(refusal(() => expandResultFiles([{ name: 'b.zip', bytes: bomb }], limits))).toBe('zipTooBig');
    const many = zipSync(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`${i}.xml`, strToU8('<a/>')])));
    expect(refusal(() => expandResultFiles([{ name: 'm.zip', bytes: many }], limits))).toBe('zipTooManyEntries');
    expect(refusal(() => expandResultFiles([{ name: 'x.zip', bytes: strToU8('PK nope') }], limits))).toBe('zipInvalid');
    expect(refusal(() => expandResultFiles([{ name: 'x.docx', bytes: strToU8('x') }], limits))).toBe('unknownFormat');
  });
});
