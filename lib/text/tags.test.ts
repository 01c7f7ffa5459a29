import { describe, expect, test } from 'vitest';
import { TAGS_MAX, TAG_MAX_LENGTH, storedTagsSchema, tagsInputSchema } from './tags';

describe('tags', () => {
  test('typed as one field or sent as an array: trimmed, lower case, de-duplicated, empty ones dropped', () => {
    expect(tagsInputSchema.parse(' Paie, NET,,paie ')).toEqual(['paie', 'net']);
    expect(tagsInputSchema.parse(['Été', 'été', ' '])).toEqual(['été']);
  });

  test(`at most ${TAGS_MAX}, each at most ${TAG_MAX_LENGTH} characters, typed or stored`, () => {
    const most = Array.from({ length: TAGS_MAX }, (_, i) => `t${i}`.padEnd(TAG_MAX_LENGTH, 'x'));
    expect(tagsInputSchema.parse(most)).toHaveLength(TAGS_MAX);
    expect(storedTagsSchema.safeParse(most).success).toBe(true);
    for (const schema of [tagsInputSchema, storedTagsSchema]) {
      expect(schema.safeParse([...most, 'un de trop']).error?.issues[0]?.message).toBe('tooLong');
      expect(schema.safeParse(['x'.repeat(TAG_MAX_LENGTH + 1)]).error?.issues[0]?.message).toBe('tooLong');
    }
  });
});
