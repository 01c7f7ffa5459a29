import { describe, expect, test } from 'vitest';
import { normalizeLine, normalizeText, versionedLine, versionedText } from './text';

describe('normalizeText', () => {
  test.each([
    ['CRLF line breaks become LF', 'a\r\nb\r\n\r\nc', 'a\nb\n\nc'],
    ['a lone CR becomes LF', 'a\rb', 'a\nb'],
    ['spaces and tabs at line ends go', 'a  \nb\t\nc \u00a0', 'a\nb\nc'],
    ['blank lines at the end go', 'a\n\n\n', 'a'],
    ['CRLF blank lines at the end go', 'a\r\n\r\n', 'a'],
    ['leading indentation stays (Markdown code, lists)', '    code\n  - item', '    code\n  - item'],
    ['inner blank lines stay', 'a\n\n\nb', 'a\n\n\nb'],
    ['empty stays empty', '', ''],
    ['already normal text is unchanged', '# Titre\n\n| a | b |\n|---|---|', '# Titre\n\n| a | b |\n|---|---|'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test('is idempotent', () => {
    const samples = ['a\r\n b \r\n\r\n', '  x\t\r\ny  ', '\r\n\r\n'];
    for (const s of samples) expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });

  test('the text a browser submits equals the seeded text it was loaded from', () => {
    const seeded = 'Le bulletin est produit.\n\n- brut\n- net';
    const submitted = seeded.replace(/\n/g, '\r\n') + '\r\n';
    expect(normalizeText(submitted)).toBe(seeded);
  });
});

describe('normalizeLine', () => {
  test('folds line breaks and runs of spaces, trims', () => {
    expect(normalizeLine('  Calcul\r\n de  la\tpaie ')).toBe('Calcul de la paie');
  });
});

describe('zod fields', () => {
  test('versionedText normalizes before checking the length', () => {
    const schema = versionedText(3);
    expect(schema.parse('abc\r\n\r\n')).toBe('abc');
    expect(schema.safeParse('abcd').success).toBe(false);
  });

  test('versionedLine normalizes', () => {
    expect(versionedLine(20).parse(' a \r\n b ')).toBe('a b');
  });
});
