import { describe, expect, test } from 'vitest';
import { REQUIREMENT_CONTENT_FIELDS } from './model';
import { requirementFieldsSchema } from './schema';

const minimal = { title: 'Calcul de la paie', priority: 'must' };

function messages(input: unknown): Record<string, string[]> {
  const result = requirementFieldsSchema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('requirementFieldsSchema', () => {
  test('defaults: empty texts, draft, no tags, no parent', () => {
    expect(requirementFieldsSchema.parse(minimal)).toEqual({
      title: 'Calcul de la paie',
      statement: '',
      rationale: '',
      acceptanceCriteria: '',
      priority: 'must',
      status: 'draft',
      source: '',
      tags: [],
      parentId: null,
    });
  });

  test.each([
    ['Paie, RH', ['paie', 'rh']],
    [' paie ,  , RH,paie,Paie ', ['paie', 'rh']],
    ['', []],
    [' , ,', []],
    [['Paie', 'rh', ' RH '], ['paie', 'rh']],
    [[], []],
  ])('tags %j → %j (trimmed, lower case, de-duplicated, empty ones dropped)', (tags, expected) => {
    expect(requirementFieldsSchema.parse({ ...minimal, tags }).tags).toEqual(expected);
  });

  test('more than 20 tags, or a tag over 40 characters, is too long', () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`).join(',');
    expect(messages({ ...minimal, tags: many })).toEqual({ tags: ['tooLong'] });
    expect(requirementFieldsSchema.parse({ ...minimal, tags: many.split(',').slice(0, 20).join(',') }).tags).toHaveLength(20);
    expect(messages({ ...minimal, tags: 'x'.repeat(41) })).toEqual({ 'tags.0': ['tooLong'] });
  });

  test.each([
    ['', null],
    [undefined, null],
    ['6f1c7a52-4d2b-4c3e-9a0b-0d5e7f8a9b10', '6f1c7a52-4d2b-4c3e-9a0b-0d5e7f8a9b10'],
  ])('parentId %j → %j', (parentId, expected) => {
    expect(requirementFieldsSchema.parse({ ...minimal, parentId }).parentId).toBe(expected);
  });

  test('a parentId that is not a uuid is refused', () => {
    expect(messages({ ...minimal, parentId: 'EXF-1' })).toHaveProperty('parentId');
  });

  test('title is required after trimming and at most 300 characters', () => {
    expect(messages({ ...minimal, title: '   ' })).toEqual({ title: ['required'] });
    expect(messages({ ...minimal, title: 'x'.repeat(301) })).toEqual({ title: ['tooLong'] });
    expect(requirementFieldsSchema.parse({ ...minimal, title: `  ${'x'.repeat(300)}  ` }).title).toHaveLength(300);
  });

  test('priority and status are closed lists', () => {
    expect(messages({ title: 'T' })).toEqual({ priority: ['invalid'] });
    expect(messages({ ...minimal, priority: 'doit' })).toEqual({ priority: ['invalid'] });
    expect(messages({ ...minimal, status: 'approved' })).toEqual({ status: ['invalid'] });
    for (const priority of ['must', 'should', 'could', 'wont']) expect(requirementFieldsSchema.parse({ ...minimal, priority }).priority).toBe(priority);
    for (const status of ['draft', 'validated', 'obsolete']) expect(requirementFieldsSchema.parse({ ...minimal, status }).status).toBe(status);
  });

  test('Markdown and HTML are kept verbatim (rendering sanitizes, storage never loses input)', () => {
    const statement = '<script>alert(1)</script>\n\n**gras** [x](javascript:alert(1))';
    expect(requirementFieldsSchema.parse({ ...minimal, statement }).statement).toBe(statement);
  });

  test('every field of the schema is a content field, so any edit can be versioned and diffed', () => {
    expect([...REQUIREMENT_CONTENT_FIELDS].sort()).toEqual(Object.keys(requirementFieldsSchema.shape).sort());
  });
});
