import { describe, expect, test } from 'vitest';
import { toPrefixTsquery } from './text-query';

describe('toPrefixTsquery', () => {
  test.each([
    ['paie', 'paie:*'],
    ['spéc paie', 'spéc:* & paie:*'],
    ['  Spécifications   de   la paie ', 'Spécifications:* & de:* & la:* & paie:*'],
    ['v2 API', 'v2:* & API:*'],
  ])('%j → %j', (input, expected) => {
    expect(toPrefixTsquery(input)).toBe(expected);
  });

  test('accents are kept (the database removes them with unaccent), in composed form', () => {
    expect(toPrefixTsquery('Élément')).toBe('Élément:*');
    // "é" typed as e + combining acute is composed first, so it is not split into two words.
    expect(toPrefixTsquery('spe\u0301cification')).toBe('spécification:*');
  });

  test.each([
    ['a & b | !c', 'a:* & b:* & c:*'],
    ['paie:* | rh', 'paie:* & rh:*'],
    ["x') || to_tsquery('y", 'x:* & to:* & tsquery:* & y:*'],
    ['(paie <-> rh)', 'paie:* & rh:*'],
    ["l'exigence", 'l:* & exigence:*'],
    ['EXF-3', 'EXF:* & 3:*'],
  ])('operators and punctuation never reach the query: %j → %j', (input, expected) => {
    const query = toPrefixTsquery(input);
    expect(query).toBe(expected);
    expect(query!.replace(/:\*/g, '').replace(/ & /g, ' ')).not.toMatch(/[&|!():*<>'\\-]/);
  });

  test.each(['', '   ', '&|!', "'':*()", '---', '\t\n'])('nothing searchable (%j) → null', (input) => {
    expect(toPrefixTsquery(input)).toBeNull();
  });

  test('at most twelve words are kept', () => {
    const words = Array.from({ length: 20 }, (_, i) => `mot${i}`);
    const query = toPrefixTsquery(words.join(' '))!;
    expect(query.split(' & ')).toEqual(words.slice(0, 12).map((w) => `${w}:*`));
  });
});
