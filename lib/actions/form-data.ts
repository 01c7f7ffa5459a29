/**
 * FormData → plain object for zod. Repeated keys become arrays; File entries are kept as they are.
 * Coercion (numbers, booleans) belongs to the schemas, which use z.coerce / checkbox helpers.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}
