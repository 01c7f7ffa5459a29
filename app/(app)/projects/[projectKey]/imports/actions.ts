'use server';

import { sql } from 'drizzle-orm';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requirementsForImport, testCasesForImport, writeRequirementPlan, writeTestCasePlan } from '@/db/queries/item-imports';
import { projectAction } from '@/lib/actions/define-action';
import { ActionError } from '@/lib/actions/result';
import { REQUIREMENT_IMPORT_FIELDS, TEST_CASE_IMPORT_FIELDS, type ColumnMapping, type ImportField } from '@/lib/import/columns';
import { importReport } from '@/lib/import/report';
import { planRequirementImport, requirementRefsOf } from '@/lib/import/requirement-plan';
import { IMPORT_LIMITS } from '@/lib/import/sheet';
import { planTestCaseImport, testCaseRefsOf } from '@/lib/import/test-case-plan';
import { projectKeySchema } from '@/lib/projects/schemas';

/**
 * Spreadsheet imports. The browser reads the file (.xlsx or .csv) into rows and the person maps its columns; these
 * actions get the rows and the mapping, check every row again against the project and answer the dry run (nothing
 * written), or write the whole import in one transaction — or nothing, when any row is wrong.
 */
const column = z.number().int().min(0).max(IMPORT_LIMITS.columns - 1).optional();

function mappingSchema(fields: readonly ImportField[]) {
  return z.object(Object.fromEntries(fields.map((field) => [field, column])) as Record<ImportField, typeof column>).partial();
}

const rowsSchema = z
  .array(
    z.object({
      line: z.number().int().min(2).max(IMPORT_LIMITS.rows + 1),
      cells: z.array(z.string().max(IMPORT_LIMITS.cellChars, { message: 'tooLong' })).max(IMPORT_LIMITS.columns),
    }),
  )
  .min(1, { message: 'required' })
  .max(IMPORT_LIMITS.rows, { message: 'tooLong' });

/**
 * A file's rows and their mapping, as the browser sends them. The examples say what a person sends (the generated
 * security suites draw from them: random cells under a random mapping are almost never a valid file).
 */
function inputOf(fields: readonly ImportField[], example: { rows: z.input<typeof rowsSchema>; mapping: ColumnMapping }) {
  return z.object({
    projectKey: projectKeySchema,
    rows: rowsSchema.meta({ examples: [example.rows] }),
    mapping: mappingSchema(fields).meta({ examples: [example.mapping] }),
    dryRun: z.boolean(),
  });
}

const REQUIREMENT_EXAMPLE = {
  rows: [
    { line: 2, cells: ['Calcul du brut', 'Le brut additionne les primes.', 'Doit'] },
    { line: 3, cells: ['Calcul du net', 'Le net retire les cotisations.', 'Devrait'] },
  ],
  mapping: { title: 0, statement: 1, priority: 2 },
};

const TEST_CASE_EXAMPLE = {
  rows: [
    { line: 2, cells: ['Bulletin de mars', 'Fonctionnel', 'Ouvrir le bulletin', 'Le bulletin s’affiche'] },
    { line: 3, cells: ['', '', 'Lire le net', 'Le net vaut 2 345,67 €'] },
  ],
  mapping: { title: 0, type: 1, stepAction: 2, stepExpected: 3 },
};

export const importRequirements = projectAction({
  name: 'importRequirements',
  permission: 'requirements.write',
  input: inputOf(REQUIREMENT_IMPORT_FIELDS, REQUIREMENT_EXAMPLE),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    // Moves are checked against the whole tree: the same lock as a move by hand keeps it still meanwhile.
    if (!input.dryRun && input.mapping.parentRef !== undefined) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`requirement-tree:${membership.projectId}`}, 0))`);
    }
    const existing = await requirementsForImport(tx, membership.projectId, requirementRefsOf(input.rows, input.mapping), !input.dryRun);
    const plan = planRequirementImport(input.rows, input.mapping, existing);
    const report = importReport('requirement', plan);
    if (input.dryRun) {
      nothingChanged();
      return report;
    }
    if (plan.errors.length > 0) throw new ActionError('invalid', 'importHasErrors', undefined, report);
    const written = await writeRequirementPlan({ tx, projectId: membership.projectId, actorId: actor.id }, plan.items);
    if (written.created.length + written.updated.length === 0) {
      nothingChanged();
      return report;
    }
    await audit({ entity: 'import', entityId: membership.projectId, action: 'import_requirements', after: { rows: input.rows.length, ...written } });
    return { ...report, created: written.created };
  },
  after(_data, input) {
    if (!input.dryRun) revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});

export const importTestCases = projectAction({
  name: 'importTestCases',
  permission: 'tests.write',
  input: inputOf(TEST_CASE_IMPORT_FIELDS, TEST_CASE_EXAMPLE),
  async handler({ tx, actor, input, membership, audit, nothingChanged }) {
    const existing = await testCasesForImport(tx, membership.projectId, testCaseRefsOf(input.rows, input.mapping), !input.dryRun);
    const plan = planTestCaseImport(input.rows, input.mapping, existing);
    const report = importReport('testCase', plan);
    if (input.dryRun) {
      nothingChanged();
      return report;
    }
    if (plan.errors.length > 0) throw new ActionError('invalid', 'importHasErrors', undefined, report);
    const written = await writeTestCasePlan({ tx, projectId: membership.projectId, actorId: actor.id }, plan.items);
    if (written.created.length + written.updated.length === 0) {
      nothingChanged();
      return report;
    }
    await audit({ entity: 'import', entityId: membership.projectId, action: 'import_test_cases', after: { rows: input.rows.length, ...written } });
    return { ...report, created: written.created };
  },
  after(_data, input) {
    if (!input.dryRun) revalidatePath(`/projects/${input.projectKey}`, 'layout');
  },
});
