import { describe, expect, test } from 'vitest';
import { formDataToObject } from './form-data';

describe('formDataToObject', () => {
  test('single fields become strings, left for the schema to coerce', () => {
    const form = new FormData();
    form.set('name', 'Refonte');
    form.set('version', '3');
    form.set('description', '');
    expect(formDataToObject(form)).toEqual({ name: 'Refonte', version: '3', description: '' });
  });

  test('repeated keys become arrays in their order', () => {
    const form = new FormData();
    form.append('tag', 'a');
    form.append('tag', 'b');
    form.append('tag', 'c');
    expect(formDataToObject(form)).toEqual({ tag: ['a', 'b', 'c'] });
  });

  test("Next's $ACTION bookkeeping fields are dropped", () => {
    const form = new FormData();
    form.set('$ACTION_ID_abc123', '');
    form.set('$ACTION_REF_1', '');
    form.set('$ACTION_1:0', '{}');
    form.set('email', 'a@b.test');
    expect(formDataToObject(form)).toEqual({ email: 'a@b.test' });
  });

  test('files are kept as they are', () => {
    const form = new FormData();
    const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    form.set('attachment', file);
    const out = formDataToObject(form);
    expect(out.attachment).toBeInstanceOf(File);
    expect((out.attachment as File).name).toBe('hello.txt');
  });

  test('an empty form gives an empty object', () => {
    expect(formDataToObject(new FormData())).toEqual({});
  });
});
