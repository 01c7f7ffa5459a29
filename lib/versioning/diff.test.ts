import { describe, expect, test } from 'vitest';
import { diffFields, fieldText, type DiffPart } from './diff';

/** The text on each side of a redline: unchanged + removed words = before, unchanged + added words = after. */
function sides(parts: DiffPart[]) {
  return {
    before: parts.filter((p) => !p.added).map((p) => p.value).join(''),
    after: parts.filter((p) => !p.removed).map((p) => p.value).join(''),
  };
}

describe('fieldText', () => {
  test.each([
    [null, ''],
    [undefined, ''],
    ['', ''],
    ['texte', 'texte'],
    [3, '3'],
    [['paie', 'rh'], 'paie, rh'],
    [[], ''],
  ])('%j → %j', (value, expected) => {
    expect(fieldText(value)).toBe(expected);
  });
});

describe('diffFields', () => {
  test('one entry per field, in the order asked, unchanged fields marked as such with their whole text', () => {
    const before = { title: 'Calcul de la paie', statement: 'Le salaire est versé le 28.', priority: 'must' };
    const after = { title: 'Calcul de la paie', statement: 'Le salaire net est versé le 30.', priority: 'must' };
    const result = diffFields(before, after, ['priority', 'title', 'statement']);
    expect(result.map((d) => [d.field, d.changed])).toEqual([
      ['priority', false],
      ['title', false],
      ['statement', true],
    ]);
    expect(result[1]!.parts).toEqual([{ value: 'Calcul de la paie', added: false, removed: false }]);
  });

  test('a changed field is a word-level redline: only the changed words are added or removed', () => {
    const [statement] = diffFields(
      { statement: 'Le salaire est versé le 28.' },
      { statement: 'Le salaire net est versé le 30.' },
      ['statement'],
    );
    const added = statement!.parts.filter((p) => p.added).map((p) => p.value.trim()).filter(Boolean);
    const removed = statement!.parts.filter((p) => p.removed).map((p) => p.value.trim()).filter(Boolean);
    expect(added.join(' ')).toMatch(/net/);
    expect(added.join(' ')).toMatch(/30/);
    expect(removed.join(' ')).toMatch(/28/);
    expect(removed.join(' ')).not.toMatch(/salaire|versé/);
    expect(statement!.parts.some((p) => !p.added && !p.removed && p.value.includes('salaire'))).toBe(true);
    expect(sides(statement!.parts)).toEqual({ before: 'Le salaire est versé le 28.', after: 'Le salaire net est versé le 30.' });
  });

  test('arrays compare by their items: same tags unchanged, a changed tag is a redline', () => {
    const [same, changed] = diffFields(
      { tags: ['paie', 'rh'], other: ['a', 'b'] },
      { tags: ['paie', 'rh'], other: ['a', 'c'] },
      ['tags', 'other'],
    );
    expect(same).toEqual({ field: 'tags', changed: false, parts: [{ value: 'paie, rh', added: false, removed: false }] });
    expect(changed!.changed).toBe(true);
    expect(sides(changed!.parts)).toEqual({ before: 'a, b', after: 'a, c' });
    expect(changed!.parts.filter((p) => p.removed).map((p) => p.value)).toEqual(['b']);
    expect(changed!.parts.filter((p) => p.added).map((p) => p.value)).toEqual(['c']);
  });

  test('empty values are all the same (null, undefined, missing, empty text); filling one in is a change', () => {
    const result = diffFields({ parentId: null, source: '' }, { source: undefined, rationale: 'Parce que' }, ['parentId', 'source', 'rationale']);
    expect(result.map((d) => d.changed)).toEqual([false, false, true]);
    expect(result[2]!.parts).toEqual([{ value: 'Parce que', added: true, removed: false }]);
  });

  test('a field emptied shows its old text as removed', () => {
    const [field] = diffFields({ rationale: 'Obligation légale' }, { rationale: '' }, ['rationale']);
    expect(field).toEqual({ field: 'rationale', changed: true, parts: [{ value: 'Obligation légale', added: false, removed: true }] });
  });

  test('multi-line Markdown keeps its line breaks on both sides', () => {
    const before = '# Titre\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const after = '# Titre\n\n| a | b |\n|---|---|\n| 1 | 3 |\n';
    const [body] = diffFields({ body: before }, { body: after }, ['body']);
    expect(body!.changed).toBe(true);
    expect(sides(body!.parts)).toEqual({ before, after });
  });
});
