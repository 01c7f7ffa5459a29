import { REQUIREMENT_PRIORITIES, REQUIREMENT_STATUSES, type RequirementPriority, type RequirementStatus } from '@/lib/requirements/model';
import { TEST_CASE_PRIORITIES, TEST_CASE_TYPES, type TestCasePriority, type TestCaseType } from '@/lib/recette/model';
import { parseRef, type RefKind } from '@/lib/traceability/refs';
import { normalizeHeader } from './columns';

/**
 * Cell values as people write them, in French or English, in the stored code or the label our exports write
 * ("Doit", "Must", "must", "M"). A value none of them matches is an error of its row, never guessed.
 */
function lookup<T extends string>(codes: readonly T[], labels: Record<string, T>) {
  const table = new Map<string, T>();
  for (const code of codes) table.set(normalizeHeader(code), code);
  for (const [label, code] of Object.entries(labels)) table.set(normalizeHeader(label), code);
  return (value: string): T | undefined => table.get(normalizeHeader(value));
}

export const requirementPriorityOf = lookup<RequirementPriority>(REQUIREMENT_PRIORITIES, {
  doit: 'must',
  devrait: 'should',
  pourrait: 'could',
  'ne fera pas': 'wont',
  "won't": 'wont',
  'won t': 'wont',
  m: 'must',
  s: 'should',
  c: 'could',
  w: 'wont',
});

export const requirementStatusOf = lookup<RequirementStatus>(REQUIREMENT_STATUSES, {
  brouillon: 'draft',
  validee: 'validated',
  valide: 'validated',
  obsolete: 'obsolete',
});

export const testCaseTypeOf = lookup<TestCaseType>(TEST_CASE_TYPES, {
  fonctionnel: 'functional',
  integration: 'integration',
  securite: 'security',
  'non regression': 'non_regression',
  'non-regression': 'non_regression',
  'recette utilisateur': 'user_acceptance',
  'user acceptance': 'user_acceptance',
});

export const testCasePriorityOf = lookup<TestCasePriority>(TEST_CASE_PRIORITIES, {
  haute: 'high',
  moyenne: 'medium',
  basse: 'low',
  elevee: 'high',
  faible: 'low',
});

const YES = new Set(['oui', 'yes', 'o', 'y', 'x', 'vrai', 'true', '1']);
const NO = new Set(['non', 'no', 'n', 'faux', 'false', '0']);

/** A yes/no cell; undefined when it is neither. */
export function booleanOf(value: string): boolean | undefined {
  const key = normalizeHeader(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/** Tags separated by commas or semicolons (the form uses commas; a French spreadsheet often has semicolons). */
export function tagsOf(value: string): string[] {
  return value.split(/[,;]/);
}

/**
 * The number of a ref of the given kind: "EXF-12", "exf 12" or a bare "12". Null when the cell holds something
 * else (another kind's ref, free text).
 */
export function refNumberOf(value: string, kind: RefKind): number | null {
  const text = value.trim();
  const number = /^\d{1,7}$/.test(text) ? Number(text) : parseRef(text)?.kind === kind ? parseRef(text)!.number : null;
  return number && number > 0 ? number : null;
}
