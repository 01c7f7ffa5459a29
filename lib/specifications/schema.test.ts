import { describe, expect, test } from 'vitest';
import { SPECIFICATION_CATEGORIES, SPECIFICATION_CONTENT_FIELDS } from './model';
import { specificationFieldsSchema } from './schema';

describe('specificationFieldsSchema', () => {
  test('title trimmed and required, body defaults to empty and keeps everything but the invisible line ends', () => {
    expect(specificationFieldsSchema.parse({ title: '  Architecture  ', category: 'architecture' })).toEqual({
      title: 'Architecture',
      body: '',
      category: 'architecture',
    });
    const body = '  ```mermaid\ngraph TD; A-->B\n```\n<img src=x onerror=alert(1)>  ';
    expect(specificationFieldsSchema.parse({ title: 'T', body, category: 'data' }).body).toBe(body.trimEnd());
    const submitted = body.replace(/\n/g, '\r\n');
    expect(specificationFieldsSchema.parse({ title: 'T', body: submitted, category: 'data' }).body).toBe(body.trimEnd());
    expect(specificationFieldsSchema.safeParse({ title: '  ', category: 'data' }).error?.issues.map((i) => i.message)).toEqual(['required']);
  });

  test('category is one of the seven', () => {
    expect(SPECIFICATION_CATEGORIES).toHaveLength(7);
    for (const category of SPECIFICATION_CATEGORIES) expect(specificationFieldsSchema.safeParse({ title: 'T', category }).success).toBe(true);
    for (const category of ['données', 'other', '', undefined]) {
      expect(specificationFieldsSchema.safeParse({ title: 'T', category }).error?.issues.map((i) => i.message)).toEqual(['invalid']);
    }
  });

  test('status is not a field the author sets by editing (the workflow does), but it is versioned content', () => {
    expect(Object.keys(specificationFieldsSchema.shape)).not.toContain('status');
    expect(SPECIFICATION_CONTENT_FIELDS).toEqual(expect.arrayContaining(['title', 'body', 'category', 'status']));
  });
});
